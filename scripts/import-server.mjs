/**
 * A local server of pages to import (issue #15), for the import tests and the bench; 127.0.0.1 only.
 *   /articles/<n>.html   a distinct article per n
 *   /busy/<n>.html       429 with Retry-After: 0 on the first request, then the article
 *   /gone.html           404
 *   /doc.pdf             a PDF (not a web page)
 *   /paywalled.html      redirects to /login (a sign-in page)
 *   /slow/<n>.html       the article after `slowMs`
 *   /distinct/<n>.html   an article whose words differ from every other n's (the bench: real
 *                        libraries are not 1,000 tellings of one story, which the same-story check
 *                        would compare with each other)
 * It counts requests per path and the most requests it was answering at once.
 */
import { createServer } from 'node:http';
import { article } from './reliability-pages.mjs';

const WORDS =
  'harbour council ferry winter timetable storm bridge market school river train budget mayor museum festival bakery library garden hospital election tunnel airport factory orchard vineyard lighthouse island mountain village station theatre stadium court prison castle cathedral canal glacier desert forest meadow'.split(
    ' ',
  );

/** A seeded pseudo-random article: the same n gives the same page. */
function distinctArticle(n) {
  let seed = n * 2654435761;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1_000_003) / 1_000_003;
  const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const paras = Array.from({ length: 6 }, () => `<p>${`${sentence()} of report ${n}. `.repeat(3)}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report ${n} from the desk</title></head><body><article><h1>Report ${n} from the desk</h1>${paras}</article></body></html>`;
}

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
    m = /^\/distinct\/(\d+)\.html$/.exec(path);
    if (m) return html(distinctArticle(Number(m[1])));
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
