import { LOW_COMPLETENESS } from '../core/extract/completeness';
import { siteDomainOfUrl } from '../core/shared/site-host';
import type { CaptureRecord } from '../storage/records';
import { formatIso, t, tn } from '../platform/i18n';

/** "8 Nov 2014" / "08.11.2014" (and the time when the page gave one) in the UI's language, read from the string, so no zone shift. */
export function displayDate(iso: string | null, withTime = false): string {
  return formatIso(iso, withTime);
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
  return saved ? t('savedOn', saved) : '';
}

/**
 * A list row's facts: site, date, minutes. Kept apart so each can sit in its own <bdi>: a Latin site
 * name and a date inside an Arabic UI (or the other way round) keep their own order.
 */
export function metaParts(record: Pick<CaptureRecord, 'siteName' | 'url' | 'published' | 'capturedAt' | 'readingMinutes'>): string[] {
  return [siteOf(record), shownDate(record), tn('minutesShort', record.readingMinutes)].filter((part): part is string => !!part);
}

/** Below the threshold, the list and the reader warn "may be incomplete" (issue #4). */
export function isLowCompleteness(record: Pick<CaptureRecord, 'completeness'>): boolean {
  return !!record.completeness && record.completeness.score < LOW_COMPLETENESS;
}
