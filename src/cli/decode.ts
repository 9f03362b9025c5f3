import { fixWindows1252 } from './windows-1252';

/**
 * Bytes of a saved page → text, honouring the page's declared charset the way browsers do:
 * a BOM first, then <meta charset> / http-equiv in the first 4 KB, UTF-8 otherwise.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  const encoding = declared ? encodingOf(declared) : 'utf-8';
  // The HTML standard reads a <meta> that says UTF-16 as UTF-8: the bytes got this far as ASCII.
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) return 'utf-8';
  // A page re-saved as UTF-8 often keeps its old <meta charset="iso-8859-1">. Legacy text with
  // accents or curly quotes is almost never valid UTF-8 by accident, so bytes that are (and are
  // not plain ASCII, which reads the same either way) are what they prove to be.
  return isNonAsciiUtf8(bytes) ? 'utf-8' : encoding;
}

/** The WHATWG name for a charset label ("latin1" → "windows-1252"); UTF-8 for a label Node lacks. */
function encodingOf(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8'; // unknown label: browsers fall back too
  }
}

function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array): string {
  const decoder = new TextDecoder(sniffCharset(bytes));
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip file', [0x1f, 0x8b]],
];

/** What a file is when it is clearly not HTML ("a PDF"), else null. */
export function notHtmlKind(bytes: Uint8Array, text: string): string | null {
  for (const [kind, signature] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return kind;
  }
  if (bytes.subarray(0, 1024).includes(0) && !/^\s*<|\ufeff</.test(text.slice(0, 64))) return 'a binary file';
  if (!/<(html|head|body|p|div|article|title|!doctype)[\s>]/i.test(text.slice(0, 100_000))) return 'not HTML';
  return null;
}
