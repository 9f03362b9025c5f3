/* Issue 13's test servers: an article on 127.0.0.1 whose images live on another host, 127.0.0.2. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How each image's server answers (the file name is the case). */
export const CASES = {
  /** No CORS header at all (many image hosts). */
  none: 'no-cors.jpg',
  /** `Access-Control-Allow-Origin: *` (most CDNs): refuses a request with credentials. */
  star: 'star.jpg',
  /** The page's origin echoed, with `Access-Control-Allow-Credentials: true`. */
  echo: 'echo.jpg',
  /** 403 unless the Referer is the page's origin (hotlink protection); no CORS header. */
  referer: 'referer.jpg',
} as const;
export type CaseName = keyof typeof CASES;

/** What the image server saw of one request. */
export interface ImageRequest {
  path: string;
  origin: string | null;
  referer: string | null;
  /** `Sec-Fetch-Dest`: `image` for the page's <img>, `empty` for a fetch(). */
  dest: string | null;
  status: number;
}

export interface CorsServers {
  /** The article page, `http://127.0.0.1:<port>/article-<n>.html`. */
  pageUrl(n: number): string;
  pageOrigin: string;
  /** `http://127.0.0.2:<port>` */
  imageOrigin: string;
  /** The image of `name` in article `n`. */
  imageUrl(n: number, name: CaseName): string;
  requests: ImageRequest[];
  close(): Promise<void>;
}

const seedPhoto = readFileSync(new URL('../fixtures/seed/lead-image.jpg', import.meta.url));

/** Each image its own bytes (the library keys images by hash): the photo, then its address after the JPEG's end. */
function photoFor(path: string): Buffer {
  return Buffer.concat([seedPhoto, Buffer.from(path)]);
}

/** Each article its own story: the library would take the same text twice as one article. */
const STORIES = [
  [
    'Ferry trial extended',
    'The night ferry between the island and the mainland will run for another year, the council said on Monday, after the trial carried more passengers than expected.',
    'Tickets for the night crossings cost the same as daytime ones, and season tickets are valid on every sailing.',
  ],
  [
    'Library opens on Sundays',
    'The town library will open on Sunday afternoons from next month, after a petition signed by more than two thousand residents asked for longer hours.',
    'Volunteers from the reading club will help the staff, and the children’s corner gets new shelves and a storytelling hour.',
  ],
  [
    'Orchard harvest doubles',
    'Apple growers in the valley picked twice as much fruit as last autumn, helped by a mild spring and fewer late frosts, the growers’ cooperative said.',
    'The cooperative will press the surplus into juice and cider, and sell it at the Saturday market through the winter.',
  ],
];

function article(n: number, image: (name: CaseName) => string): string {
  const [title, lead, end] = STORIES[(n - 1) % STORIES.length]!;
  const figures = (Object.keys(CASES) as CaseName[])
    .map((name) => `<figure><img src="${image(name)}" alt="Photo ${name}"><figcaption>The ${name} photo.</figcaption></figure>`)
    .join(`\n<p>${lead}</p>\n`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article>
<h1>${title}</h1>
<p>${lead}</p>
${figures}
<p>${end}</p>
<p>${end} ${lead}</p>
</article></body></html>`;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function serveImage(req: IncomingMessage, res: ServerResponse, pageOrigin: string, requests: ImageRequest[]): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.2').pathname;
  const origin = req.headers.origin ?? null;
  const referer = req.headers.referer ?? null;
  const name = path.split('/').pop();
  // Cached for a while, as image servers do; an answer that depends on Origin says so.
  const headers: Record<string, string> = { 'content-type': 'image/jpeg', 'cache-control': 'max-age=600', vary: 'Origin' };
  let status = 200;
  if (name === CASES.star) headers['access-control-allow-origin'] = '*';
  else if (name === CASES.echo && origin) Object.assign(headers, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });
  else if (name === CASES.referer && !referer?.startsWith(`${pageOrigin}/`)) status = 403;
  else if (!Object.values(CASES).includes(name as never)) status = 404;
  requests.push({ path, origin, referer, dest: (req.headers['sec-fetch-dest'] as string | undefined) ?? null, status });
  if (status !== 200) res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 403 ? 'Forbidden: hotlinking' : 'Not found');
  else res.writeHead(200, headers).end(photoFor(path));
}

/** Start both servers, on loopback only. */
export async function startCorsServers(): Promise<CorsServers> {
  const requests: ImageRequest[] = [];
  let pageOrigin = '';
  let imageOrigin = '';
  const images = createServer((req, res) => serveImage(req, res, pageOrigin, requests));
  const pages = createServer((req, res) => {
    const match = /^\/article-(\d+)\.html$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!match) return void res.writeHead(404).end();
    const n = Number(match[1]);
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(article(n, (name) => `${imageOrigin}/${n}/${CASES[name]}`));
  });
  pageOrigin = `http://127.0.0.1:${await listen(pages, '127.0.0.1')}`;
  imageOrigin = `http://127.0.0.2:${await listen(images, '127.0.0.2')}`;
  return {
    pageOrigin,
    imageOrigin,
    pageUrl: (n) => `${pageOrigin}/article-${n}.html`,
    imageUrl: (n, name) => `${imageOrigin}/${n}/${CASES[name]}`,
    requests,
    close: async () => {
      for (const server of [pages, images]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
