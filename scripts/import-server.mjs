/**
 * A local server of pages to import (issue #15), for the import tests and the bench; 127.0.0.1 only.
 *   /articles/<n>.html   a distinct article per n
 *   /busy/<n>.html       429 with Retry-After: 0 on the first request, then the article
 *   /gone.html           404
 *   /doc.pdf             a PDF (not a web page)
 *   /paywalled.html      redirects to /login (a sign-in page)
 *   /slow/<n>.html       the article after `slowMs`
 * It counts requests per path and the most requests it was answering at once.
 */
import { createServer } from 'node:http';
import { article } from './reliability-pages.mjs';

export async function startImportServer({ slowMs = 300 } = {}) {
  const hits = new Map();
  let open = 0;
  const stats = { maxConcurrent: 0 };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    open++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, open);
    res.on('close', () => open--);
    const html = (body) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    let m = /^\/articles\/(\d+)\.html$/.exec(path);
    if (m) return html(article(Number(m[1])));
    m = /^\/busy\/(\d+)\.html$/.exec(path);
    if (m) {
      if (hits.get(path) === 1) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' });
        return res.end('slow down');
      }
      return html(article(`busy ${m[1]}`));
    }
    m = /^\/slow\/(\d+)\.html$/.exec(path);
    if (m) {
      await new Promise((r) => setTimeout(r, slowMs));
      return html(article(`slow ${m[1]}`));
    }
    if (path === '/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('%PDF-1.4\n%%EOF\n');
    }
    if (path === '/paywalled.html') {
      res.writeHead(302, { location: '/login?next=/paywalled.html' });
      return res.end();
    }
    if (path === '/login')
      return html('<!doctype html><html><head><title>Sign in</title></head><body><form><input name="e"><button>Sign in</button></form></body></html>');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    hits,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
