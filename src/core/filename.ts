/**
 * File names that every OS and both browsers' download APIs accept: no reserved characters or
 * device names, no leading dots or "~", no trailing dots or spaces, NFC, and bounded in bytes.
 */
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2028\u2029\ufeff]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** ext4 allows 255 bytes; leave room for " (12)" and the extension. */
const MAX_BYTES = 180;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function clampBytes(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  const chars = [...text];
  while (chars.length && utf8Length(chars.join('')) > max) chars.pop();
  return chars.join('');
}

/** A safe base name (without extension) from any text; never empty. */
export function safeBaseName(input: string, fallback = 'article'): string {
  let name = input
    .normalize('NFC')
    .replace(RESERVED_CHARS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.~\s-]+/, '');
  if (!name) return fallback;
  // A device name (CON, nul.txt…) is reserved on Windows whatever follows the dot.
  if (RESERVED_NAMES.test((name.split('.')[0] ?? '').trim())) name = `_${name}`;
  return clampBytes(name, MAX_BYTES).replace(/[.\s]+$/, '') || fallback;
}

/** Hands out names unique within one export, case-insensitively (Windows and macOS ignore case). */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(base: string, extension: string): string {
    const safe = safeBaseName(base);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${safe}.${extension}` : `${safe} (${n}).${extension}`;
      if (!this.used.has(candidate.toLowerCase())) {
        this.used.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }
}
