import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../../src/core/shared/base64';
import { downloadImage } from '../../../../src/core/shared/download-image';

/** A real server on loopback: each path one answer. */
let server: Server;
let origin = '';
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.png') return void res.writeHead(200, { 'content-type': 'image/PNG; charset=binary' }).end(png);
    if (req.url === '/forbidden.png') return void res.writeHead(403, 'Forbidden').end();
    if (req.url === '/declared-big.png') return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' }).end(Buffer.alloc(5000));
    // No length given: the cap must stop the stream itself.
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(Buffer.alloc(3000));
    res.end(Buffer.alloc(3000));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('downloadImage (issue 13: one download, in the page or the background)', () => {
  it('gives the bytes as base64 with the type as served', async () => {
    const got = await downloadImage(fetch, `${origin}/ok.png`, {}, 1000);
    expect(got).toMatchObject({ ok: true, type: 'image/png', bytes: png.length });
    expect(got.ok && Buffer.from(base64ToBytes(got.base64)!).equals(png)).toBe(true);
  });

  it('tells an HTTP refusal (with its status) from a blocked request, so the caller can try another way', async () => {
    expect(await downloadImage(fetch, `${origin}/forbidden.png`, {}, 1000)).toEqual({
      ok: false,
      failure: 'status',
      status: 403,
      error: 'The server answered 403 Forbidden.',
    });
    // Nothing listens on port 9 of loopback: a network error, as CORS refusals look in a browser.
    const blocked = await downloadImage(fetch, 'http://127.0.0.1:9/x.png', {}, 1000);
    expect(blocked).toMatchObject({ ok: false, failure: 'blocked', error: expect.stringMatching(/^The image could not be downloaded \(/) });
  });

  it('stops past the cap, whether the server declares the length or not', async () => {
    expect(await downloadImage(fetch, `${origin}/declared-big.png`, {}, 1000)).toMatchObject({
      ok: false,
      failure: 'too-big',
      error: expect.stringContaining('(5 KB)'),
    });
    expect(await downloadImage(fetch, `${origin}/streamed.png`, {}, 4000)).toMatchObject({ ok: false, failure: 'too-big' });
  });

  it('passes the caller’s request options (credentials, referrer) to fetch', async () => {
    const seen: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init!);
      return fetch(input, init);
    };
    await downloadImage(spy, `${origin}/ok.png`, { credentials: 'omit', referrer: 'about:client' }, 1000);
    expect(seen[0]).toMatchObject({ credentials: 'omit', referrer: 'about:client', signal: expect.any(AbortSignal) });
  });
});
