/**
 * File names that every OS and both browsers' download APIs accept: no reserved characters or
 * device names, no leading dots or "~", no trailing dots or spaces, NFC, and bounded in bytes.
 */
// eslint-disable-next-line no-control-regex -- control characters are among what file names must not contain
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2028\u2029\ufeff]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Names Windows Explorer treats specially; Chrome's download code refuses them too. */
const SHELL_NAMES = /^(desktop\.ini|thumbs\.db)$/i;
/** Non-characters and private-use code points: Firefox's download sanitizer drops them. */
// eslint-disable-next-line no-misleading-character-class -- a set of single code points to drop (Hangul and Khmer fillers among them), not a combined glyph
const INVISIBLE = /[\ufff0-\uffff\ue000-\uf8ff\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0]/g;
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
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.~\s-]+/, '');
  if (!name) return fallback;
  // A device name (CON, nul.txt…) is reserved on Windows whatever follows the dot.
  if (RESERVED_NAMES.test((name.split('.')[0] ?? '').trim()) || SHELL_NAMES.test(name)) name = `_${name}`;
  return clampBytes(name, MAX_BYTES).replace(/[.\s]+$/, '') || fallback;
}

/** Hands out names unique within one export, case-insensitively (Windows and macOS ignore case). */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(base: string, extension: string): string {
    const safe = safeBaseName(base);
    // Unique after the OS folds case (Windows, macOS) and Unicode forms (macOS NFD).
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${safe}.${extension}` : `${safe} (${n}).${extension}`;
      const key = candidate.normalize('NFC').toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return candidate;
      }
    }
  }
}
