#!/usr/bin/env node
/**
 * Fuzz the extractor: generated and mutated HTML documents through parseDocument + extract, as the
 * CLI runs them (dist/cli/lib.mjs). Each document runs in a worker thread with a time box, so a hang
 * is caught and reported instead of stalling the run.
 *
 * A document passes when extract returns a Capture (title, html, text strings) or throws
 * CaptureError('no-article'). Anything else (another error, a non-Capture, a time-out) fails and the
 * document is written to .tmp/fuzz/ to reproduce.
 *
 *   npm run fuzz                       # 10,000 documents, seed 1
 *   node scripts/fuzz.mjs --count 300 --seed 7 --timeout 20000 --deep-max 250
 * Known, reported core bugs (KNOWN below) are counted apart; `--strict` fails on them too.
 * Exit code 1 when any document failed. `npm test` runs a smaller seeded run (tests/unit/fuzz).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');

// ---------- worker: run one document at a time ----------
if (!isMainThread) {
  const lib = await import(pathToFileURL(workerData.lib).href);
  parentPort.on('message', ({ index, html, url, selectionHtml }) => {
    const started = performance.now();
    let outcome;
    try {
      const doc = lib.parseDocument(html, url);
      const capture = lib.extract(doc, url, selectionHtml == null ? { consumeDocument: true } : { selectionHtml, consumeDocument: true });
      const bad =
        !capture ||
        typeof capture !== 'object' ||
        typeof capture.title !== 'string' ||
        typeof capture.contentHtml !== 'string' ||
        typeof capture.textContent !== 'string' ||
        typeof capture.wordCount !== 'number';
      outcome = bad ? { kind: 'bad-result', detail: JSON.stringify(capture)?.slice(0, 300) } : { kind: 'capture' };
    } catch (error) {
      if (lib.isCaptureError(error) && error.code === 'no-article') outcome = { kind: 'no-article' };
      else
        outcome = {
          kind: 'threw',
          detail: error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error),
        };
    }
    parentPort.postMessage({ index, ...outcome, ms: performance.now() - started });
  });
}

// ---------- known bugs in the extraction core (reported; the core has another owner) ----------
/**
 * Failures whose cause is known and reported. They are counted apart and do not fail the run
 * (`--strict` makes them fail). Anything else — another error, a non-Capture, a time-out — fails.
 */
export const KNOWN = [
  {
    id: 'no-document-element',
    match: /Cannot destructure property 'firstElementChild' of 'documentElement' as it is null/,
    note: "a document linkedom parses without a documentElement (empty or whitespace-only input, or '<?xml …?>' then no <html>): doc.body throws inside linkedom, from scanPage or Readability._prepDocument; should be CaptureError no-article (CLI/Node only: a browser always builds html/head/body)",
  },
  {
    id: 'readability-outside-body',
    match: /Cannot read properties of null \(reading 'tagName'\)[\s\S]*Readability\._grabArticle/,
    note: 'text outside <body> (e.g. <p> inside <head>, or after </html>): linkedom keeps it there, Readability walks parents up to BODY and reaches null; should be no-article or a capture (CLI/Node only: a browser moves such content into body)',
  },
];

export function knownBug(detail) {
  return KNOWN.find((k) => k.match.test(detail ?? ''))?.id ?? null;
}

// ---------- generator ----------
/** mulberry32: a small seeded PRNG, so every run with the same seed sees the same documents. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const TAGS = [
  'div',
  'p',
  'span',
  'article',
  'section',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'h1',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
  'a',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'br',
  'hr',
  'time',
  'address',
  'form',
  'input',
  'button',
  'iframe',
  'video',
  'audio',
  'svg',
  'math',
  'template',
  'noscript',
  'script',
  'style',
  'link',
  'meta',
  'object',
  'embed',
  'select',
  'option',
  'textarea',
  'dl',
  'dt',
  'dd',
  'sup',
  'sub',
  'font',
  'center',
  'marquee',
  'custom-el',
  'x:y',
  'title',
  'base',
  'html',
  'body',
  'head',
];
const CLASSES = [
  'content',
  'article-body',
  'story',
  'post',
  'entry-content',
  'comment',
  'comments',
  'ad',
  'advert',
  'sidebar',
  'related',
  'share',
  'social',
  'byline',
  'author',
  'date',
  'caption',
  'credit',
  'hidden',
  'promo',
  'newsletter',
  'footer',
  'header',
  'menu',
  'paywall',
  'lead',
  'kicker',
  'tags',
  '',
  'a b c',
  '-',
  '0',
];
const ATTRS = [
  'class',
  'id',
  'href',
  'src',
  'srcset',
  'data-src',
  'data-lazy-src',
  'alt',
  'title',
  'style',
  'hidden',
  'aria-hidden',
  'role',
  'itemprop',
  'itemtype',
  'itemscope',
  'rel',
  'content',
  'name',
  'property',
  'datetime',
  'lang',
  'dir',
  'width',
  'height',
  'onerror',
  'onclick',
  'xmlns',
  'type',
  'colspan',
  'rowspan',
  'loading',
];
const WORDS = [
  'the',
  'harbour',
  'reopened',
  'after',
  'storm',
  'said',
  'minister',
  'on',
  'Tuesday',
  'and',
  'a',
  'of',
  'in',
  'ships',
  'waited',
  'for',
  'days',
  'city',
  'council',
  'vote',
  '中文',
  '報道',
  'новости',
  'خبر',
  '😀',
  'ﬁ',
  '\u200b',
  '\u0000',
  '\ud800',
  '&amp;',
  '&nbsp;',
  '&#0;',
  '&#x110000;',
  '&bogus;',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '${x}',
  'javascript:alert(1)',
  'Advertisement',
  'Read more',
  'Share this',
  'Photo: AP',
  'By Ana Lima',
  '2024-05-03',
  'May 3, 2024',
  'Updated',
  'Comments',
];
const URL_VALUES = [
  'https://news.example.com/a.jpg',
  '/rel/img.png',
  '//cdn.example.com/x.webp',
  'data:image/png;base64,iVBORw0KGgo=',
  'javascript:void(0)',
  'http://[::1',
  'https://a.example/%E0%A4%A',
  '',
  ' ',
  '#',
  '?',
  'mailto:a@b',
  'blob:null/x',
  'img.jpg 1x, img2.jpg 2x, , ,',
  'a.jpg 100w, b.jpg',
  'https://例え.jp/画像.png',
  'http://127.0.0.1:0/',
  '../../../../etc/passwd',
];

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  return out.join(' ');
}

function attrValue(r, name) {
  if (/src|href/.test(name)) return r.pick(URL_VALUES);
  if (name === 'class') return `${r.pick(CLASSES)} ${r.pick(CLASSES)}`;
  if (name === 'datetime') return r.pick(['2024-05-03T10:15:00Z', 'yesterday', '0000-00-00', '99999-99-99T99:99', '', '2024-02-30']);
  if (name === 'style') return r.pick(['display:none', 'visibility:hidden', 'calc((1px + 2px))', 'width:100%', 'x']);
  if (r.chance(0.05)) return 'x'.repeat(r.int(5000));
  return words(r, r.int(4));
}

function element(r, depth, budget) {
  const tag = r.pick(TAGS);
  const attrs = [];
  const nAttrs = r.int(4);
  for (let i = 0; i < nAttrs; i++) {
    const name = r.chance(0.03) ? `${r.pick(ATTRS)}=${r.pick(ATTRS)}` : r.pick(ATTRS);
    const quote = r.pick(['"', "'", '']);
    attrs.push(r.chance(0.1) ? name : `${name}=${quote}${attrValue(r, name).replace(quote || ' ', '')}${quote}`);
  }
  const open = `<${tag}${attrs.length ? ' ' : ''}${attrs.join(' ')}${r.chance(0.03) ? ' /' : ''}>`;
  if (tag === 'script') {
    const body = r.chance(0.5)
      ? JSON.stringify({
          '@context': 'https://schema.org',
          '@type': r.pick(['NewsArticle', 'Article', ['Article', 'x'], null, 7]),
          headline: words(r, 5),
          author: r.pick([{ name: words(r, 2) }, [{ '@type': 'Person' }], 'x', null, [null, 3]]),
          datePublished: r.pick(['2024-05-03', 'garbage', 12, null]),
          image: r.pick([URL_VALUES[0], { url: 5 }, [[]]]),
          '@graph': r.chance(0.3) ? [{ '@type': 'WebPage' }, null] : undefined,
        }).slice(0, r.chance(0.2) ? r.int(60) : undefined)
      : words(r, r.int(10));
    return `<script type="${r.pick(['application/ld+json', 'text/javascript', 'application/json', ''])}">${body}</script>`;
  }
  if (tag === 'meta')
    return `<meta ${r.pick(['property', 'name', 'itemprop'])}="${r.pick(['og:title', 'og:image', 'article:published_time', 'author', 'description', 'og:site_name', 'twitter:image', 'article:author', 'date'])}" content="${attrValue(r, r.pick(['content', 'src', 'datetime']))}">`;
  if (budget.nodes <= 0 || depth > budget.maxDepth || /^(img|br|hr|input|source|link|base)$/.test(tag)) return open;
  const children = [];
  const n = r.int(depth < 3 ? 8 : 4);
  for (let i = 0; i < n && budget.nodes > 0; i++) {
    budget.nodes--;
    children.push(r.chance(0.45) ? words(r, r.int(r.chance(0.2) ? 80 : 12)) : element(r, depth + 1, budget));
  }
  const close = r.chance(0.08) ? '' : `</${r.chance(0.05) ? r.pick(TAGS) : tag}>`;
  return `${open}${children.join('')}${close}`;
}

function generated(r) {
  const budget = { nodes: 50 + r.int(r.chance(0.1) ? 3000 : 400), maxDepth: r.chance(0.1) ? 200 : 12 };
  const head = [];
  for (let i = 0; i < r.int(6); i++) head.push(r.chance(0.5) ? element(r, 10, { nodes: 3, maxDepth: 11 }) : `<title>${words(r, r.int(8))}</title>`);
  const body = [];
  while (budget.nodes > 0) {
    budget.nodes--;
    body.push(element(r, 0, budget));
  }
  const doctype = r.pick(['<!DOCTYPE html>', '', '<!doctype html public "-//W3C//DTD HTML 4.01//EN">', '<?xml version="1.0"?>']);
  if (r.chance(0.1)) return `${doctype}${head.join('')}${body.join('')}`; // no html/head/body
  return `${doctype}<html lang="${r.pick(['en', 'zh', 'ar', '', 'x'])}"><head>${head.join('')}</head><body>${body.join('')}</body></html>`;
}

/**
 * Deep nesting, up to `deepMax` levels. Known issue (reported to the extraction core's owner):
 * Readability's _cleanConditionally/_getTextDensity is cubic in nesting depth, so 600 nested tables
 * take ~30 s and 2,000 nested lists ~80 s. The default stays under that (250); `--deep-max 2000`
 * reproduces it.
 */
let deepMax = 250;
function deepNest(r) {
  const tag = r.pick(['div', 'table', 'span', 'blockquote', 'ul', 'section', 'td', 'p']);
  const depth = 50 + r.int(Math.max(1, deepMax - 50));
  const text = `<p>${words(r, 40)}</p>`;
  if (tag === 'table') return `<html><body>${'<table><tr><td>'.repeat(depth)}${text}${'</td></tr></table>'.repeat(depth)}</body></html>`;
  return `<html><body>${`<${tag}>`.repeat(depth)}${text}${r.chance(0.5) ? `</${tag}>`.repeat(depth) : ''}</body></html>`;
}

function special(r) {
  return r.pick([
    () => '',
    () => ' \n\t ',
    () => '<!DOCTYPE html>',
    () => '<html></html>',
    () => '<html><head></head><body></body></html>',
    () => '\uFEFF<html><body><p>bom</p></body></html>',
    () => String.fromCharCode(...Array.from({ length: 2000 }, () => r.int(0x10000))),
    () => Array.from({ length: 3000 }, () => String.fromCharCode(r.int(256))).join(''),
    () => `<html><body><p>${words(r, 20000)}</p></body></html>`,
    () => `<html><body>${'<p>'.repeat(5000)}</body></html>`,
    () => `<html><body>${'<img src=a.jpg>'.repeat(3000)}</body></html>`,
    () => `<html><body><article>${'<p>x</p>'.repeat(4000)}</article></body></html>`,
    () => `<html><body><!--${words(r, 200)}</body></html>`,
    () => `<html><body><![CDATA[${words(r, 50)}]]></body></html>`,
    () => `<svg xmlns="http://www.w3.org/2000/svg"><text>${words(r, 80)}</text></svg>`,
    () => `<html><body><template><article><h1>T</h1><p>${words(r, 200)}</p></article></template></body></html>`,
    () => `<html><head><base href="${r.pick(URL_VALUES)}"></head><body><article><p>${words(r, 120)}</p><img src="a.jpg"></article></body></html>`,
    () => `<html><body><article><h1>${'x'.repeat(100000)}</h1><p>${words(r, 100)}</p></article></body></html>`,
    () => `<html><body><pre>${'\n'.repeat(20000)}</pre></body></html>`,
    () =>
      `<html><body><article>${Array.from({ length: 300 }, () => `<figure><img src="${r.pick(URL_VALUES)}"><figcaption>${words(r, 5)}</figcaption></figure>`).join('')}</article></body></html>`,
  ])();
}

/** Byte-level and structural mutations of a real page. */
function mutated(r, pages) {
  let html = r.pick(pages);
  const rounds = 1 + r.int(6);
  for (let i = 0; i < rounds; i++) {
    const at = r.int(html.length + 1);
    const len = r.int(Math.min(5000, html.length - at + 1));
    switch (r.int(9)) {
      case 0:
        html = html.slice(0, at);
        break; // truncated
      case 1:
        html = html.slice(0, at) + html.slice(at + len);
        break; // a range deleted
      case 2:
        html = html.slice(0, at) + html.slice(at, at + len).repeat(1 + r.int(5)) + html.slice(at);
        break;
      case 3:
        html = html.slice(0, at) + element(r, 0, { nodes: 30, maxDepth: 8 }) + html.slice(at);
        break;
      case 4:
        html =
          html.slice(0, at) +
          r.pick([
            '<',
            '>',
            '</',
            '<!--',
            '-->',
            '"',
            "'",
            '<script>',
            '</script>',
            '<table>',
            '&',
            '\u0000',
            '<svg>',
            '<math>',
            '</body>',
            '</html>',
            '<html>',
            '<body>',
          ]) +
          html.slice(at);
        break;
      case 5: {
        // swap two ranges
        const other = r.int(html.length + 1);
        const [a, b] = at < other ? [at, other] : [other, at];
        html = html.slice(0, a) + html.slice(b, b + len) + html.slice(a + len, b) + html.slice(a, a + len) + html.slice(b + len);
        break;
      }
      case 6:
        html = html.replace(/<(p|div|article|h1|section)\b/g, () => (r.chance(0.3) ? `<${r.pick(TAGS)}` : '<$1'.replace('$1', 'div')));
        break;
      case 7:
        html = html.replace(/class="[^"]*"/g, () => `class="${r.pick(CLASSES)}"`);
        break;
      default: {
        // flip characters
        const chars = html.split('');
        for (let k = 0; k < 20; k++) chars[r.int(chars.length)] = String.fromCharCode(r.int(0x3000));
        html = chars.join('');
      }
    }
  }
  return html;
}

export function loadSeedPages(root = ROOT) {
  const pages = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push(readFileSync(full, 'utf8'));
    }
  };
  walk(join(root, 'tests/fixtures'));
  return pages;
}

/** Document number `index` of the run with `seed`: the same pair always gives the same document. */
export function makeDocument(seed, index, pages) {
  const r = rng((seed * 1_000_003) ^ (index * 2_654_435_761));
  const kind = r.next();
  let html;
  let name;
  if (kind < 0.45) [html, name] = [mutated(r, pages), 'mutated'];
  else if (kind < 0.85) [html, name] = [generated(r), 'generated'];
  else if (kind < 0.93) [html, name] = [special(r), 'special'];
  else [html, name] = [deepNest(r), 'deep'];
  const url = r.chance(0.95)
    ? 'https://news.example.com/world/2024/05/harbour-reopens.html'
    : r.pick(['about:blank', 'file:///tmp/a.html', 'https://例え.jp/記事?q=1#x', 'http://127.0.0.1:8080/']);
  const selectionHtml = r.chance(0.05) ? (r.chance(0.5) ? element(r, 0, { nodes: 20, maxDepth: 6 }) : r.pick(['', '<p>', words(r, 30)])) : null;
  return { html, url, selectionHtml, kind: name };
}

/**
 * Run `count` documents through `workers` worker threads, each document time-boxed to `timeoutMs`.
 * Returns counts and the failures (with the documents that caused them).
 */
export async function fuzz({
  count = 10_000,
  seed = 1,
  timeoutMs = 20_000,
  deep = 250,
  strict = false,
  workers = Math.min(2, availableParallelism()),
  lib = join(ROOT, 'dist/cli/lib.mjs'),
  onProgress,
} = {}) {
  const pages = loadSeedPages();
  deepMax = deep;
  const counts = { capture: 0, 'no-article': 0, known: 0, failed: 0 };
  const failures = [];
  const known = {};
  let slowest = { ms: 0, index: -1 };
  let next = 0;
  let done = 0;

  const runLane = () =>
    new Promise((resolveLane) => {
      let worker = null;
      let timer = null;
      let current = null;
      const spawn = () => {
        worker = new Worker(fileURLToPath(import.meta.url), { workerData: { lib }, resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 8 } });
        worker.on('message', (msg) => {
          clearTimeout(timer);
          if (msg.kind === 'capture' || msg.kind === 'no-article') counts[msg.kind]++;
          else record(msg.kind, msg.detail);
          if (msg.ms > slowest.ms) slowest = { ms: msg.ms, index: msg.index };
          advance();
        });
        worker.on('error', (error) => {
          // a crash of the thread (stack/heap limits) counts against the document
          clearTimeout(timer);
          record('crashed', String(error?.stack ?? error));
          spawn();
          advance();
        });
      };
      const record = (kind, detail) => {
        const bug = kind === 'threw' ? knownBug(detail) : null;
        if (bug && !strict) {
          counts.known++;
          known[bug] = (known[bug] ?? 0) + 1;
          return;
        }
        counts.failed++;
        failures.push({
          index: current.index,
          kind,
          detail,
          docKind: current.doc.kind,
          url: current.doc.url,
          selectionHtml: current.doc.selectionHtml,
          html: current.doc.html,
        });
      };
      const advance = () => {
        if (current) {
          done++;
          onProgress?.(done, count);
        }
        if (next >= count) {
          current = null;
          worker.terminate().then(() => resolveLane());
          return;
        }
        const index = next++;
        const doc = makeDocument(seed, index, pages);
        current = { index, doc };
        timer = setTimeout(() => {
          // a hang: the thread is killed and replaced
          record('timeout', `no answer within ${timeoutMs} ms`);
          const old = worker;
          worker.removeAllListeners();
          old.terminate();
          spawn();
          advance();
        }, timeoutMs);
        worker.postMessage({ index, html: doc.html, url: doc.url, selectionHtml: doc.selectionHtml });
      };
      spawn();
      advance();
    });

  await Promise.all(Array.from({ length: workers }, runLane));
  return { count, seed, counts, known, failures, slowest };
}

// ---------- command line ----------
if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const count = arg('count', 10_000);
  const seed = arg('seed', 1);
  const timeoutMs = arg('timeout', 20_000);
  const deep = arg('deep-max', 250);
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [join(here, 'build.mjs'), '--cli-only'], { stdio: 'inherit' });
  const started = Date.now();
  const result = await fuzz({
    count,
    seed,
    timeoutMs,
    deep,
    strict: process.argv.includes('--strict'),
    onProgress: (done, total) => {
      if (done % 500 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`);
    },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${count} documents, seed ${seed}, ${secs} s: ${result.counts.capture} captures, ${result.counts['no-article']} no-article, ${result.counts.known} known bugs, ${result.counts.failed} failed; slowest ${result.slowest.ms.toFixed(0)} ms (#${result.slowest.index})`,
  );
  for (const [id, n] of Object.entries(result.known)) console.log(`  known bug ${id}: ${n} documents — ${KNOWN.find((k) => k.id === id).note}`);
  if (result.failures.length) {
    const dir = join(ROOT, '.tmp/fuzz');
    mkdirSync(dir, { recursive: true });
    for (const f of result.failures) {
      writeFileSync(join(dir, `seed${seed}-${f.index}.html`), f.html);
      writeFileSync(join(dir, `seed${seed}-${f.index}.json`), JSON.stringify({ ...f, html: undefined }, null, 2));
      console.log(`  #${f.index} (${f.docKind}) ${f.kind}: ${String(f.detail).split('\n')[0]}`);
    }
    console.log(`documents written to .tmp/fuzz/`);
    process.exitCode = 1;
  }
}
