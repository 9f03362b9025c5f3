import { describe, expect, it } from 'vitest';
import { asBytes, packRawHtml, rawHtmlBytes, rawHtmlOf, unpackRawHtml } from '../../../../src/core/extract/raw-page';

const page = `<!DOCTYPE html><html><head><title>Ünïcode — 中文</title></head><body>${'<p>Paragraph text. </p>'.repeat(200)}</body></html>`;

describe('raw page HTML kept with a capture', () => {
  it('round-trips through gzip, smaller than the page', () => {
    const packed = packRawHtml(page);
    expect(packed.byteLength).toBeLessThan(page.length / 5);
    expect(unpackRawHtml(packed)).toBe(page);
  });
  it('is found gzipped or, from older tools, plain', () => {
    expect(rawHtmlOf({ rawHtmlGzip: packRawHtml(page) })).toBe(page);
    expect(rawHtmlOf({ rawHtml: page })).toBe(page);
    expect(rawHtmlOf({})).toBeNull();
    expect(rawHtmlBytes({ rawHtmlGzip: new Uint8Array(7) })).toBe(7);
  });
  it('survives a JSON message (Chrome) as bytes again', () => {
    const packed = packRawHtml(page);
    const sent = JSON.parse(JSON.stringify({ packed })).packed;
    expect(sent).not.toBeInstanceOf(Uint8Array);
    expect(unpackRawHtml(asBytes(sent)!)).toBe(page);
    expect(asBytes('not bytes')).toBeUndefined();
    expect(asBytes({ a: 1 })).toBeUndefined();
  });
});

describe('raw page bytes in a backup', () => {
  it('come back as a Uint8Array that unpacks to the page', async () => {
    const { encodeValue, decodeValue } = await import('../../../../src/core/backup/backup-codec');
    const packed = packRawHtml(page);
    const back = decodeValue(JSON.parse(JSON.stringify(await encodeValue(packed))), 'test');
    expect(back).toBeInstanceOf(Uint8Array);
    expect(rawHtmlOf({ rawHtmlGzip: back })).toBe(page);
  });
});
