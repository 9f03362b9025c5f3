import { describe, expect, it } from 'vitest';
import { failureOfResponse, isRetryable, retryDelayMs } from '../../../../src/core/import/fetch-policy';
import { runPerHost } from '../../../../src/core/import/host-pool';

describe('fetch policy', () => {
  it('retries 429, 408 and 5xx only', () => {
    expect([429, 408, 500, 503].every(isRetryable)).toBe(true);
    expect([200, 301, 403, 404, 410].some(isRetryable)).toBe(false);
  });

  it("backs off exponentially with jitter, honouring the site's Retry-After, capped at 10 minutes", () => {
    expect(retryDelayMs(1, null, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, null, () => 0.5)).toBe(8000);
    expect(retryDelayMs(2, null, () => 0)).toBe(3000);
    expect(retryDelayMs(1, '7')).toBe(7000);
    expect(retryDelayMs(1, 'Wed, 21 Oct 2015 07:28:30 GMT', Math.random, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(retryDelayMs(30, null, () => 0.5)).toBe(600_000);
  });

  it('names why a page is not captured', () => {
    const url = 'https://news.example/a';
    expect(failureOfResponse(404, 'text/html', url, url)).toMatchObject({ kind: 'not-found' });
    expect(failureOfResponse(403, 'text/html', url, url)).toMatchObject({ kind: 'login-page' });
    expect(failureOfResponse(200, 'application/pdf', url, url)).toMatchObject({ kind: 'not-html', message: 'not a web page (application/pdf)' });
    expect(failureOfResponse(200, 'text/html', 'https://news.example/login?next=/a', url)).toMatchObject({ kind: 'login-page' });
    expect(failureOfResponse(200, 'text/html; charset=utf-8', 'https://news.example/a/', url)).toBeNull();
    expect(failureOfResponse(200, '', url, url)).toBeNull();
  });
});

describe('runPerHost', () => {
  it('runs at most `overall` at once and one per host, results in order', async () => {
    const items = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'c/1'];
    const open = new Map<string, number>();
    let running = 0;
    let most = 0;
    const results = await runPerHost(
      items,
      (item) => item.split('/')[0]!,
      async (item) => {
        const host = item.split('/')[0]!;
        open.set(host, (open.get(host) ?? 0) + 1);
        expect(open.get(host)).toBe(1);
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        open.set(host, open.get(host)! - 1);
        return item.toUpperCase();
      },
      { overall: 2, perHost: 1 },
    );
    expect(results).toEqual(items.map((i) => i.toUpperCase()));
    expect(most).toBe(2);
  });
});
