/**
 * The fault and bad-input matrix, cases that need no browser (docs/reliability.md): an empty page,
 * a page with no article, a 10 MB page, 20,000 nodes of nested tables, and pages in GBK, Shift_JIS
 * and windows-1251 declared in a <meta> (the CLI decodes bytes itself; in the browser the page is
 * already text when the content script reads it).
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml, sniffCharset } from '../../../../src/cli/decode';
import { parseDocument } from '../../../../src/cli/dom';
import { CaptureError } from '../../../../src/core/shared/errors';
import { extract } from '../../../../src/core/extract/extract';
import { paragraphs } from '../../helpers';

const URL_ = 'https://news.example.com/world/2024/05/harbour-reopens.html';
const run = (html: string) => extract(parseDocument(html, URL_), URL_);

function expectNoArticle(html: string) {
  let thrown: unknown;
  try {
    run(html);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CaptureError);
  expect((thrown as CaptureError).code).toBe('no-article');
  expect((thrown as CaptureError).message).toMatch(/No article was found/);
}

/** An encoder for a legacy charset, built from the platform's decoder (Node has no legacy TextEncoder). */
function encoderFor(charset: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(charset, { fatal: true });
  const table = new Map<string, number[]>();
  const tryBytes = (bytes: number[]) => {
    try {
      const ch = decoder.decode(new Uint8Array(bytes));
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch {
      /* not a character */
    }
  };
  for (let b = 0; b < 0x100; b++) tryBytes([b]);
  if (charset !== 'windows-1251') for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`${charset} cannot encode ${ch}`);
      out.push(...bytes);
    }
    return new Uint8Array(out);
  };
}

describe('bad input: no article, empty, huge', () => {
  it('an empty page (html/head/body as a browser builds it) is "no article"', () => {
    expectNoArticle('<html><head></head><body></body></html>');
    expectNoArticle('<!DOCTYPE html><html><head><title></title></head><body>\n  \n</body></html>');
  });

  it('a page with no article (a login wall, a menu) is "no article"', () => {
    expectNoArticle('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><form><input name="u"><button>Sign in</button></form></body></html>');
  });

  it('a 10 MB page is captured, its article whole', () => {
    const filler = `<div class="sidebar"><ul>${'<li><a href="/x">Related story headline here</a></li>'.repeat(20)}</ul></div>`;
    const body = `<article><h1>Harbour reopens after storm</h1>${paragraphs(30)}<p>The last paragraph of the long article.</p></article>`;
    let html = `<html><head><title>Harbour reopens after storm</title></head><body>${body}`;
    while (html.length < 10 * 1024 * 1024) html += filler;
    html += '</body></html>';
    expect(html.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const capture = run(html);
    expect(capture.title).toBe('Harbour reopens after storm');
    expect(capture.textContent).toContain('The last paragraph of the long article.');
    expect(capture.textContent).not.toContain('Related story headline here');
  }, 300_000);

  it('20,000 nodes of nested layout tables: the article inside is captured', () => {
    // An old-style page: a layout table of 150 rows, each cell holding tables nested three deep.
    const cell = (i: number) =>
      `<table><tr><td><table><tr><td><table><tr><td><a href="/l${i}">Link ${i}</a></td><td>·</td></tr></table></td></tr></table></td></tr></table>`;
    const rows = Array.from({ length: 150 }, (_, r) => `<tr>${Array.from({ length: 12 }, (_, c) => `<td>${cell(r * 12 + c)}</td>`).join('')}</tr>`).join('');
    const article = `<table><tr><td><table><tr><td><h1>Harbour reopens after storm</h1>${paragraphs(8)}<p>Closing words of the story.</p></td></tr></table></td></tr></table>`;
    const html = `<html><head><title>Harbour reopens after storm</title></head><body><table><tr><td>${article}</td></tr>${rows}</table></body></html>`;
    const doc = parseDocument(html, URL_);
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(20_000);
    const capture = extract(doc, URL_);
    expect(capture.textContent).toContain('Closing words of the story.');
  }, 120_000);
});

describe('bad input: legacy charsets declared in <meta>', () => {
  const cases = [
    { charset: 'gbk', title: '港口在风暴后重新开放', para: '市议会周二投票决定恢复渡轮服务，船只已经等待了好几天。' },
    { charset: 'shift_jis', title: '嵐の後に港が再開', para: '市議会は火曜日にフェリーの運航再開を決め、船は何日も待っていた。' },
    {
      charset: 'windows-1251',
      title: 'Порт вновь открыт после шторма',
      para: 'Городской совет во вторник проголосовал за возобновление паромного сообщения, суда ждали несколько дней.',
    },
  ];
  for (const { charset, title, para } of cases) {
    it(`${charset}: decoded from its <meta charset>, title and text right`, () => {
      const encode = encoderFor(charset);
      const html = `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${para}</p>`.repeat(8)}</article></body></html>`;
      const bytes = encode(html);
      expect(sniffCharset(bytes)).toBe(charset);
      const capture = run(decodeHtml(bytes));
      expect(capture.title).toBe(title);
      expect(capture.textContent).toContain(para);
      expect(capture.textContent).not.toMatch(/\uFFFD/);
    });
  }

  it('http-equiv Content-Type declares it the same way', () => {
    const encode = encoderFor('windows-1251');
    const bytes = encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Новости</title></head><body><p>Новости</p></body></html>',
    );
    expect(sniffCharset(bytes)).toBe('windows-1251');
    expect(decodeHtml(bytes)).toContain('<p>Новости</p>');
  });
});
