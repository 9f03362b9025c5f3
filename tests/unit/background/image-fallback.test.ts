import { describe, expect, it } from 'vitest';
import { fallbackFetcher, type ImageRoutes } from '../../../src/background/image-fallback';
import { NO_HOST_ACCESS, type FetchedImage } from '../../../src/core/shared/download-image';

const OK: FetchedImage = { ok: true, type: 'image/png', bytes: 3, base64: 'AAAA' };
const BLOCKED: FetchedImage = { ok: false, failure: 'blocked', error: "The image's server does not let other sites download it." };
const status = (code: number): FetchedImage => ({ ok: false, failure: 'status', status: code, error: `The server answered ${code}.` });

/** Routes that answer as given and record what was asked of them. */
function routes(inPage: FetchedImage, access: boolean, direct: FetchedImage = OK) {
  const calls: string[] = [];
  const r: ImageRoutes = {
    inPage: async (url) => (calls.push(`page ${url}`), inPage),
    hasAccess: async (pattern) => (calls.push(`access ${pattern}`), access),
    direct: async (url) => (calls.push(`direct ${url}`), direct),
  };
  return { r, calls };
}

describe('image fallback (issue 13): the page first, then the background where the user allowed it', () => {
  it('keeps what the page downloads, without asking anything else', async () => {
    const { r, calls } = routes(OK, false);
    const fetcher = fallbackFetcher(r);
    expect(await fetcher.fetch('https://cdn.example/a.jpg', 100)).toBe(OK);
    expect(calls).toEqual(['page https://cdn.example/a.jpg']);
    expect(fetcher.needHostAccess).toBe(0);
  });

  it('a blocked image without host access: the reason says what would keep it, and it is counted', async () => {
    const { r, calls } = routes(BLOCKED, false);
    const fetcher = fallbackFetcher(r);
    expect(await fetcher.fetch('https://img.example:8443/a.jpg', 100)).toEqual({ ok: false, failure: 'blocked', error: NO_HOST_ACCESS });
    expect(await fetcher.fetch('https://img.example/b.jpg', 100)).toMatchObject({ ok: false, error: NO_HOST_ACCESS });
    // The access asked is the image's host, whatever its port.
    expect(calls).toContain('access https://img.example/*');
    expect(calls.some((c) => c.startsWith('direct'))).toBe(false);
    expect(fetcher.needHostAccess).toBe(2);
  });

  it('a blocked image, or one refused with 401/403, is downloaded by the background with host access', async () => {
    for (const failed of [BLOCKED, status(403), status(401)]) {
      const { r, calls } = routes(failed, true);
      const fetcher = fallbackFetcher(r);
      expect(await fetcher.fetch('https://img.example/a.jpg', 100)).toBe(OK);
      expect(calls).toEqual(['page https://img.example/a.jpg', 'access https://img.example/*', 'direct https://img.example/a.jpg']);
      expect(fetcher.needHostAccess).toBe(0);
    }
  });

  it('a 404, a timeout or a too-large image is not tried again elsewhere', async () => {
    for (const failed of [
      status(404),
      status(500),
      { ok: false, failure: 'timeout', error: 'slow' } as FetchedImage,
      { ok: false, failure: 'too-big', error: 'big' } as FetchedImage,
    ]) {
      const { r, calls } = routes(failed, true);
      expect(await fallbackFetcher(r).fetch('https://img.example/a.jpg', 100)).toBe(failed);
      expect(calls).toEqual(['page https://img.example/a.jpg']);
    }
  });

  it('when the background fails too, both reasons are kept', async () => {
    const { r } = routes(BLOCKED, true, status(403));
    expect(await fallbackFetcher(r).fetch('https://img.example/a.jpg', 100)).toEqual({
      ok: false,
      failure: 'status',
      status: 403,
      error: "The server answered 403. (From the page: The image's server does not let other sites download it.)",
    });
  });

  it('an address with no host to ask for (blob:) keeps the page’s reason and is not counted: a grant would not help', async () => {
    const { r, calls } = routes(BLOCKED, true);
    const fetcher = fallbackFetcher(r);
    expect(await fetcher.fetch('blob:https://a.example/1', 100)).toBe(BLOCKED);
    expect(calls).toEqual(['page blob:https://a.example/1']);
    expect(fetcher.needHostAccess).toBe(0);
  });
});
