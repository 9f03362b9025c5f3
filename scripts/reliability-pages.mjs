/**
 * Pages for the reliability e2e tests (issue #8), served by scripts/demo-server.mjs:
 *   /articles/<n>.html            a distinct article per n (concurrent captures)
 *   /charset/<charset>-<how>.html  an article encoded in gbk, shift_jis or windows-1251, its charset
 *                                 declared in the HTTP header (how=header) or a <meta> (how=meta)
 *   /loading.html                 an article whose body never finishes (the page stays "loading")
 *   /framed.html                  a page whose only article is inside an <iframe>
 *   /slow-image.html              an article whose one (lazy, data-src) image answers only after `slowImage.ms`
 */
export const CHARSET_TITLES = {
  gbk: '港口在风暴后重新开放',
  shift_jis: '嵐の後に港が再開',
  'windows-1251': 'Порт вновь открыт после шторма',
};
const CHARSET_TEXT = {
  gbk: '市议会周二投票决定恢复渡轮服务，船只已经等待了好几天。',
  shift_jis: '市議会は火曜日にフェリーの運航再開を決め、船は何日も待っていた。',
  'windows-1251': 'Городской совет во вторник проголосовал за возобновление паромного сообщения, суда ждали несколько дней.',
};

const encoders = new Map();
/** Text → bytes in a legacy charset, with a table built from the platform's decoder. */
export function encodeLegacy(charset, text) {
  let table = encoders.get(charset);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(charset, { fatal: true });
    const tryBytes = (bytes) => {
      try {
        const ch = decoder.decode(new Uint8Array(bytes));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
      } catch {
        /* not a character */
      }
    };
    for (let b = 0; b < 0x100; b++) tryBytes([b]);
    if (charset !== 'windows-1251') for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
    encoders.set(charset, table);
  }
  const out = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${charset} cannot encode ${ch}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

const para = (n, i) =>
  `<p>Paragraph ${i} of article ${n}: the harbour council met again on Tuesday evening, and the ferry operators said the new timetable would hold through the winter season.</p>`;

export function article(n) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article number ${n} from the harbour desk</title></head><body>
<article><h1>Article number ${n} from the harbour desk</h1>${Array.from({ length: 6 }, (_, i) => para(n, i)).join('')}</article></body></html>`;
}

export function charsetPage(charset, how) {
  const title = CHARSET_TITLES[charset];
  const meta = how === 'meta' ? `<meta charset="${charset}">` : '';
  const html = `<!doctype html><html><head>${meta}<title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${CHARSET_TEXT[charset]}</p>`.repeat(8)}</article></body></html>`;
  return [how === 'header' ? `text/html; charset=${charset}` : 'text/html', encodeLegacy(charset, html)];
}

export const SLOW_IMAGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slow photo at the harbour</title></head><body>
<article><h1>A slow photo at the harbour</h1><figure><img data-src="/slow-image.jpg" alt="The harbour"><figcaption>The harbour at dawn.</figcaption></figure>${Array.from({ length: 6 }, (_, i) => para('slow', i)).join('')}</article></body></html>`;

/** The route for `path`, or null: [contentType, body] or, for the slow image, a delay first. */
export function reliabilityRoute(path) {
  let m = /^\/articles\/(\d+)\.html$/.exec(path);
  if (m) return { type: 'text/html; charset=utf-8', body: article(Number(m[1])) };
  m = /^\/charset\/(gbk|shift_jis|windows-1251)-(header|meta)\.html$/.exec(path);
  if (m) {
    const [type, body] = charsetPage(m[1], m[2]);
    return { type, body };
  }
  if (path === '/loading.html') {
    // Sent at once, then the connection stays open: the document never leaves readyState "loading".
    return { type: 'text/html; charset=utf-8', body: article('loading').replace('</article></body></html>', '</article>'), hold: true };
  }
  if (path === '/framed.html') {
    return {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A frame</title></head><body><p>Top page.</p><iframe src="/articles/99.html" width="600" height="400"></iframe></body></html>',
    };
  }
  if (path === '/slow-image.html') return { type: 'text/html; charset=utf-8', body: SLOW_IMAGE_PAGE };
  if (path === '/slow-image.jpg') return { type: 'image/png', body: Buffer.alloc(0), slow: true };
  return null;
}
