/**
 * A local server for the demo and the end-to-end tests: the seed article (and its photo) from the
 * project's own fixtures, plus pages that must not be captured. Listens on 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (...parts) => readFileSync(join(root, 'tests/fixtures', ...parts));

export const SEED_PATH = '/business/2014/11-08/6762151.shtml';
/** The seed's AMP address (issue #5: one record with the normal page). */
export const SEED_AMP_PATH = `${SEED_PATH}/amp`;
/** The same wire story on another "site" (tests/fixtures/dedupe/syndicated-xinhua.html). */
export const SYNDICATED_PATH = '/english/china/2014-11/07/c_133773001.htm';
const SEED_IMAGE = '/business/2014/11-08/U194P886T4D147553F107DT20141108090401.jpg';

const NO_ARTICLE = `<!doctype html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form><label>Email <input name="e"></label><button>Sign in</button></form></body></html>`;

/** A one-page PDF, enough for the browser to open its viewer. */
const PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj
trailer<</Root 1 0 R>>
%%EOF`;

function routes(pages) {
  return {
    [SEED_PATH]: () => ['text/html; charset=utf-8', pages.seed()],
    [SEED_AMP_PATH]: () => ['text/html; charset=utf-8', pages.seed()],
    [SYNDICATED_PATH]: () => ['text/html; charset=utf-8', fixture('dedupe', 'syndicated-xinhua.html')],
    [SEED_IMAGE]: () => ['image/jpeg', fixture('seed', 'lead-image.jpg')],
    '/no-article.html': () => ['text/html; charset=utf-8', NO_ARTICLE],
    '/document.pdf': () => ['application/pdf', PDF],
    '/image.png': () => ['image/png', readFileSync(join(root, 'icons/icon-128.png'))],
  };
}

/**
 * Start the server. `pages.seed` may be replaced to serve another version of the article at the
 * seed's URL. Returns { origin, seedUrl, pages, close }.
 */
export async function startDemoServer() {
  const pages = { seed: () => fixture('seed', 'chinanews-harper-jack-ma.html') };
  const table = routes(pages);
  const sockets = new Set();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = table[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [type, body] = route();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    seedUrl: `${origin}${SEED_PATH}`,
    pages,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
