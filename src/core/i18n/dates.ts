/**
 * Dates as the UI shows them, in the UI's language (issue 17), without browser APIs. A page's date
 * is shown as the page wrote it: the day (and time, when asked and given) are read from the ISO
 * string and formatted in UTC, so "2014-11-08T09:04+08:00" stays 8 November, 09:04 in every time
 * zone, as it did before Intl.
 */
export function formatIsoDate(iso: string | null | undefined, language: string, withTime = false): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso) : null;
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const timed = withTime && m[4] !== undefined;
  const date = new Date(Date.UTC(year, month - 1, day, timed ? Number(m[4]) : 0, timed ? Number(m[5]) : 0));
  // Date.UTC rolls 2014-13-45 over into 2015: a day that does not exist is no date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
  const options: Intl.DateTimeFormatOptions = timed ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(date);
}
