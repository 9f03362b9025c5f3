/**
 * Just enough HTML reading for the exports that are HTML lists (Pocket's old export, Netscape
 * bookmarks): their tags in order with attributes, and entity decoding. Those files leave <DT>
 * and <p> unclosed, which a DOM would re-nest in ways that differ between engines; walking the
 * tags in order gives the same answer in the page, the worker and Node, with no DOM at all.
 */
export interface HtmlTag {
  /** Lower-cased; "/dl" for a closing tag. */
  name: string;
  attrs: Record<string, string>;
  /** Index just past the tag in the source. */
  end: number;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function* htmlTags(html: string): Generator<HtmlTag> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    yield { name: `${m[1]}${m[2]!.toLowerCase()}`, attrs, end: TAG.lastIndex };
  }
}

/** The text from `start` up to the closing `</name>`, tags removed and entities decoded. */
export function textUntilClose(html: string, start: number, name: string): string {
  const close = html.toLowerCase().indexOf(`</${name}`, start);
  const inner = html.slice(start, close < 0 ? undefined : close);
  return decodeEntities(inner.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
