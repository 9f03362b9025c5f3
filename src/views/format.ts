import { LOW_COMPLETENESS } from '../core/extract/completeness';
import { siteDomainOfUrl } from '../core/shared/site-host';
import type { CaptureRecord } from '../storage/records';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "8 Nov 2014" (and "09:04" when the page gave a time), read from the string, so no zone shift. */
export function displayDate(iso: string | null, withTime = false): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso) : null;
  if (!m) return '';
  const date = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return withTime && m[4] ? `${date}, ${m[4]}` : date;
}

/** The page's own site name, else its registrable domain: a subdomain (hosted., edition.) is no site. */
export function siteOf(record: Pick<CaptureRecord, 'siteName' | 'url'>): string {
  return record.siteName || siteDomainOfUrl(record.url) || record.url;
}

/**
 * The date a row or header shows: the page's own, else "saved <date>", labelled, so the day of
 * saving is never taken for the day of publication (issue 17).
 */
export function shownDate(record: Pick<CaptureRecord, 'published' | 'capturedAt'>, withTime = false): string {
  const published = displayDate(record.published, withTime);
  if (published) return published;
  const saved = displayDate(record.capturedAt);
  return saved ? `saved ${saved}` : '';
}

/** "site · date · n min" for list rows and the reader header. */
export function metaLine(record: Pick<CaptureRecord, 'siteName' | 'url' | 'published' | 'capturedAt' | 'readingMinutes'>): string {
  return [siteOf(record), shownDate(record), `${record.readingMinutes} min`].filter(Boolean).join(' · ');
}

/** Below the threshold, the list and the reader warn "may be incomplete" (issue #4). */
export function isLowCompleteness(record: Pick<CaptureRecord, 'completeness'>): boolean {
  return !!record.completeness && record.completeness.score < LOW_COMPLETENESS;
}
