/**
 * A local server for the demo and the end-to-end tests: the seed article (and its photo) from the
 * project's own fixtures, plus pages that must not be captured. Listens on 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reliabilityRoute } from './reliability-pages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (...parts) => readFileSync(join(root, 'tests/fixtures', ...parts));

export const SEED_PATH = '/business/2014/11-08/6762151.shtml';
export const SEED_IMAGE = '/business/2014/11-08/U194P886T4D147553F107DT20141108090401.jpg';
/** The seed's AMP address (issue #5: one record with the normal page). */
export const SEED_AMP_PATH = `${SEED_PATH}/amp`;
/** The same wire story on another "site" (tests/fixtures/dedupe/syndicated-xinhua.html). */
export const SYNDICATED_PATH = '/english/china/2014-11/07/c_133773001.htm';

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

/** An article that shows three images: a large one, a missing one, and the seed's photo. */
const GALLERY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferries return to the harbour</title></head><body>
<article><h1>Night ferries return to the harbour</h1>
<p>The night ferries are back after two winters away, the operator said on Monday, with crossings every hour until two in the morning.</p>
<figure><img src="/gallery/large.png" alt="The harbour at night" width="900" height="900"><figcaption>The harbour at night.</figcaption></figure>
<p>Passengers had asked for the late service since it was cut, and the council agreed to cover part of the cost for a trial year.</p>
<figure><img src="/gallery/missing.jpg" alt="The old terminal"><figcaption>The old terminal.</figcaption></figure>
<p>The seed photo from the earlier visit is shown again here, which the library keeps only once.</p>
<figure><img data-src="${SEED_IMAGE}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Harper and Ma"><figcaption>An earlier visit.</figcaption></figure>
<p>Tickets for the night crossings cost the same as daytime ones, and season tickets are valid on every sailing.</p>
</article></body></html>`;

/** An article whose lead image is only in its metadata (og:image), not in its text. */
const LEAD_ONLY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Island school gets a new roof</title>
<meta property="og:image" content="${SEED_IMAGE}"><meta property="og:image:alt" content="The school from the harbour">
</head><body><article><h1>Island school gets a new roof</h1>
<p>The island's only school will get a new roof this summer, the council said, after years of leaks that closed two classrooms every winter.</p>
<p>Work starts when term ends in July and should be finished before pupils return in September, with the builders arriving on the morning ferry.</p>
<p>Parents had raised money for a temporary repair last year, and the council said that money would now go to new books for the library.</p>
</article></body></html>`;

/** A PNG of noise (incompressible): big enough that it must be downscaled under a small cap. */
function noisePng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 42;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let i = 1; i <= width * 3; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      raw[row + i] = seed >>> 24;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let largePng = null;

function routes(pages) {
  return {
    [SEED_PATH]: () => ['text/html; charset=utf-8', pages.seed()],
    [SEED_AMP_PATH]: () => ['text/html; charset=utf-8', pages.seed()],
    [SYNDICATED_PATH]: () => ['text/html; charset=utf-8', fixture('dedupe', 'syndicated-xinhua.html')],
    [SEED_IMAGE]: () => ['image/jpeg', fixture('seed', 'lead-image.jpg')],
    '/no-article.html': () => ['text/html; charset=utf-8', NO_ARTICLE],
    '/document.pdf': () => ['application/pdf', PDF],
    '/image.png': () => ['image/png', readFileSync(join(root, 'icons/icon-128.png'))],
    '/gallery.html': () => ['text/html; charset=utf-8', GALLERY],
    '/lead-only.html': () => ['text/html; charset=utf-8', LEAD_ONLY],
    '/gallery/large.png': () => ['image/png', (largePng ??= noisePng(900, 900))],
    '/hostile.html': () => ['text/html; charset=utf-8', fixture('hostile', 'hostile.html')],
  };
}

/**
 * Start the server. `pages.seed` may be replaced to serve another version of the article at the
 * seed's URL. Returns { origin, seedUrl, pages, trapHits, close }.
 */
export async function startDemoServer() {
  const pages = { seed: () => fixture('seed', 'chinanews-harper-jack-ma.html') };
  const table = routes(pages);
  const trapHits = [];
  const slowImage = { ms: 60_000, requested: 0 };
  const sockets = new Set();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = table[path];
    // Anything under /trap/ is a request hostile content should never get to make.
    if (path.startsWith('/trap/')) trapHits.push(path);
    const extra = route ? null : reliabilityRoute(path); // issue #8's pages
    if (extra) {
      const send = () => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store' }).end(extra.body);
      };
      if (extra.hold) {
        // the head of the page now, the rest never
        res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store' });
        res.write(extra.body);
        return;
      }
      if (!extra.slow) return send();
      slowImage.requested++;
      const timer = setTimeout(send, slowImage.ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
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
    /** Paths under /trap/ requested so far (clear it with `trapHits.length = 0`). */
    trapHits,
    /** /slow-image.jpg answers after `ms`; `requested` counts its requests. */
    slowImage,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
