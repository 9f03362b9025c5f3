import { describe, expect, it } from 'vitest';
import { decodeHtml, sniffCharset } from '../../../src/cli/decode';
import { fixWindows1252 } from '../../../src/cli/windows-1252';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** A page declaring `meta`, with `body` bytes (already encoded) inside its <p>. */
function page(meta: string, body: number[], prefix: number[] = []): Uint8Array {
  return Uint8Array.from([...prefix, ...ascii(`<!DOCTYPE html><html><head>${meta}<title>t</title></head><body><p>`), ...body, ...ascii('</p></body></html>')]);
}

const paragraph = (html: string) => /<p>([\s\S]*)<\/p>/.exec(html)?.[1];
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeHtml: windows-1252 as browsers read it', () => {
  // “Quoted” – dash — and €5 … ™ in windows-1252 bytes.
  const bytes = [0x93, ...ascii('Quoted'), 0x94, 0x20, 0x96, 0x20, 0x64, 0x61, 0x73, 0x68, 0x20, 0x97, 0x20, 0x80, 0x35, 0x20, 0x85, 0x20, 0x99, 0x20, 0xe9];

  it.each(['windows-1252', 'iso-8859-1', 'latin1', 'ascii', 'us-ascii'])('gives quotes, dashes and € for <meta charset="%s">', (label) => {
    expect(paragraph(decodeHtml(page(`<meta charset="${label}">`, bytes)))).toBe('“Quoted” – dash — €5 … ™ é');
  });

  it('reads the charset from an http-equiv Content-Type too', () => {
    const html = decodeHtml(page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', [0x91, ...ascii('hi'), 0x92]));
    expect(paragraph(html)).toBe('‘hi’');
  });

  it('maps all 32 bytes 0x80–0x9F, keeping the five unassigned ones as C1 characters', () => {
    const high = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = paragraph(decodeHtml(page('<meta charset="windows-1252">', high)))!;
    expect([...text].map((c) => c.codePointAt(0))).toEqual([
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
      0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ]);
  });

  it('leaves other single-byte charsets to their own decoder', () => {
    // 0x80 is "Ђ" in windows-1251; the windows-1252 table must not touch it.
    expect(paragraph(decodeHtml(page('<meta charset="windows-1251">', [0x80, 0xcf, 0xf0, 0xe8])))).toBe('ЂПри');
  });
});

describe('fixWindows1252', () => {
  it('turns C1 controls into the windows-1252 characters and leaves the rest', () => {
    expect(fixWindows1252('\u0093a\u0094 \u0080 é \u0081')).toBe('“a” € é \u0081');
  });
});

describe('sniffCharset: the bytes overrule a legacy <meta charset> that they contradict', () => {
  const text = 'Café “quoted” – €5';

  it.each(['iso-8859-1', 'windows-1252', 'latin1', 'windows-1251'])('decodes valid UTF-8 under <meta charset="%s"> as UTF-8', (label) => {
    const bytes = page(`<meta charset="${label}">`, utf8(text));
    expect(sniffCharset(bytes)).toBe('utf-8');
    expect(paragraph(decodeHtml(bytes))).toBe(text);
  });

  it('keeps the declared charset when the bytes are not valid UTF-8', () => {
    const bytes = page('<meta charset="iso-8859-1">', [...ascii('Caf'), 0xe9]);
    expect(sniffCharset(bytes)).toBe('windows-1252');
    expect(paragraph(decodeHtml(bytes))).toBe('Café');
  });

  it('keeps the declared charset for plain ASCII, which reads the same either way', () => {
    expect(sniffCharset(page('<meta charset="iso-8859-1">', ascii('plain')))).toBe('windows-1252');
  });

  it('reads a <meta> that says UTF-16 as UTF-8, as the HTML standard does', () => {
    const bytes = page('<meta charset="utf-16">', utf8('naïve'));
    expect(sniffCharset(bytes)).toBe('utf-8');
    expect(paragraph(decodeHtml(bytes))).toBe('naïve');
  });

  it('falls back to UTF-8 for a label it does not know', () => {
    expect(sniffCharset(page('<meta charset="x-no-such-charset">', utf8('é')))).toBe('utf-8');
  });
});

describe('sniffCharset: a byte order mark wins over everything', () => {
  it('reads UTF-8 after a UTF-8 BOM despite a windows-1252 <meta>, and drops the BOM', () => {
    const bytes = page('<meta charset="windows-1252">', utf8('“BOM”'), [0xef, 0xbb, 0xbf]);
    expect(sniffCharset(bytes)).toBe('utf-8');
    const html = decodeHtml(bytes);
    expect(html.startsWith('<!DOCTYPE')).toBe(true);
    expect(paragraph(html)).toBe('“BOM”');
  });

  it('reads UTF-16LE and UTF-16BE after their BOMs', () => {
    const source = '<html><body><p>€ “x”</p></body></html>';
    const le = [0xff, 0xfe, ...[...source].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    const be = [0xfe, 0xff, ...[...source].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])];
    expect(sniffCharset(Uint8Array.from(le))).toBe('utf-16le');
    expect(decodeHtml(Uint8Array.from(le))).toBe(source);
    expect(sniffCharset(Uint8Array.from(be))).toBe('utf-16be');
    expect(decodeHtml(Uint8Array.from(be))).toBe(source);
  });
});
