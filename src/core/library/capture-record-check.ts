/**
 * Shape check of a saved-article record read from a file (backup restore, CLI): every field the
 * library and the reader rely on, with its type. Returns a sentence naming the first problem, or null.
 * Extra fields are allowed (records gain fields over time: tags, raw HTML…).
 */
const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';
const strList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isoTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const pageUrl = (v: unknown) => {
  if (typeof v !== 'string') return false;
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

const CHECKS: [string, (v: unknown) => boolean, string][] = [
  ['url', pageUrl, 'an http(s) address'],
  ['title', str, 'text'],
  ['contentHtml', str, 'text'],
  ['textContent', str, 'text'],
  ['urlKeys', (v) => strList(v) && (v as string[]).length > 0, 'a non-empty list of text'],
  ['capturedAt', isoTime, 'a date'],
  ['updatedAt', isoTime, 'a date'],
  ['fingerprint', str, 'text'],
  ['canonicalUrl', (v) => v === undefined || v === '' || pageUrl(v), 'an http(s) address'],
  ['byline', strOrNull, 'text or null'],
  ['authors', (v) => v === undefined || strList(v), 'a list of text'],
  ['siteName', strOrNull, 'text or null'],
  ['published', strOrNull, 'text or null'],
  ['modified', strOrNull, 'text or null'],
  ['lang', strOrNull, 'text or null'],
  ['excerpt', strOrNull, 'text or null'],
  ['keywords', (v) => v === undefined || strList(v), 'a list of text'],
  ['wordCount', (v) => v === undefined || count(v), 'a number'],
  ['readingMinutes', (v) => v === undefined || count(v), 'a number'],
  ['selectionOnly', (v) => v === undefined || typeof v === 'boolean', 'true or false'],
  ['id', (v) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v > 0), 'a positive whole number'],
  [
    'leadImage',
    (v) =>
      v === null ||
      v === undefined ||
      (typeof v === 'object' &&
        str((v as Record<string, unknown>).url) &&
        strOrNull((v as Record<string, unknown>).alt) &&
        strOrNull((v as Record<string, unknown>).caption)),
    'null or {url, alt, caption}',
  ],
  ['tags', (v) => v === undefined || strList(v), 'a list of text'],
];

export function checkCaptureRecord(row: Record<string, unknown>): string | null {
  for (const [field, ok, what] of CHECKS) {
    if (!ok(row[field])) return `"${field}" must be ${what}`;
  }
  return null;
}
