import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';

/**
 * The page's own HTML, kept gzipped with each capture (never rendered) so a better extractor can
 * re-extract it later. ~5–10× smaller than the page.
 */
export function packRawHtml(html: string): Uint8Array {
  return gzipSync(strToU8(html), { level: 6 });
}

export function unpackRawHtml(bytes: Uint8Array): string {
  return strFromU8(gunzipSync(bytes));
}

/** Pages larger than this are not kept raw: the capture itself matters more than its source. */
export const MAX_RAW_HTML_CHARS = 20_000_000;

/** The raw page HTML a stored record kept: gzipped (`rawHtmlGzip`) or, from older tools, plain. */
export function rawHtmlOf(record: Record<string, unknown>): string | null {
  const packed = asBytes(record['rawHtmlGzip']);
  if (packed?.length) return unpackRawHtml(packed);
  for (const key of ['rawHtml', 'rawHTML', 'raw_html']) if (typeof record[key] === 'string' && record[key]) return record[key] as string;
  return null;
}

/** Stored size of the kept raw HTML. */
export function rawHtmlBytes(record: Record<string, unknown>): number {
  const packed = record['rawHtmlGzip'];
  if (packed instanceof Uint8Array) return packed.byteLength;
  const plain = record['rawHtml'];
  return typeof plain === 'string' ? new TextEncoder().encode(plain).length : 0;
}

/**
 * Bytes back from a message: Chrome sends messages as JSON, which turns a Uint8Array into
 * {"0": 31, "1": 139, …}. Anything else that is not bytes is dropped.
 */
export function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([k, v]) => /^\d+$/.test(k) && typeof v === 'number')) {
      const bytes = new Uint8Array(entries.length);
      for (const [k, v] of entries) bytes[Number(k)] = v as number;
      return bytes;
    }
  }
  return undefined;
}
