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
  return declared ? declared.toLowerCase() : 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): string {
  const charset = sniffCharset(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label: browsers fall back too
  }
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
