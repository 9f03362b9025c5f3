/**
 * Dates exactly as precise as the page gives them: a date stays a date, a time without a zone
 * stays without one (we never invent an offset), a zone given is kept.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const TIME = '(?:[ T,]+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?)?';
/**
 * North American and Central European zone names, written after the time by many news pages
 * ("10:00 AM EST"); each stands for one offset. (CST is US Central here, as on the pages that use it.)
 */
const ZONE_NAMES: Record<string, string> = {
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  CET: '+01:00',
  CEST: '+02:00',
};
// An offset may follow GMT/UTC ("GMT+0100"): it is the offset, not UTC.
const ZONE = `\\s*((?:UTC|GMT)?[+-]\\d{2}:?\\d{2}|(?:Z|UTC|GMT|${Object.keys(ZONE_NAMES).join('|')})\\b)?`;

const ISO_LIKE = new RegExp(`(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?${TIME}${ZONE}`, 'i');
const MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})${TIME}${ZONE}`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

function assemble(
  y: number,
  mo: number,
  d: number,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
  zone: string | undefined,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  let out = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return out;
  let hour = Number(h);
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || Number(mi) > 59) return out;
  out += `T${pad(hour)}:${mi}`;
  if (s !== undefined) out += `:${s}`;
  if (zone) {
    const z = zone.toUpperCase().replace(/^(UTC|GMT)(?=[+-])/, '');
    out += z === 'Z' || z === 'UTC' || z === 'GMT' ? 'Z' : (ZONE_NAMES[z] ?? (z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`));
  }
  return out;
}

/** Parse a date found in markup or text; null when nothing date-like is there. */
export function parseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim();
  let m = ISO_LIKE.exec(text);
  if (m) return assemble(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7], m[8]);
  m = MONTH_FIRST.exec(text);
  if (m) return assemble(+m[3]!, MONTHS[m[1]!.toLowerCase().slice(0, 3)]!, +m[2]!, m[4], m[5], m[6], m[7], m[8]);
  m = DAY_FIRST.exec(text);
  if (m) return assemble(+m[3]!, MONTHS[m[2]!.toLowerCase().slice(0, 3)]!, +m[1]!, m[4], m[5], m[6], m[7], m[8]);
  // Last resort (RFC 2822 and the like): only when the string names its zone, so UTC is not invented.
  if (/(GMT|UTC|[+-]\d{4})\s*$/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  return null;
}
