/**
 * How an import fetches pages (issue #15), the same in the background and in the CLI: which
 * answers are worth another try, how long to wait before it, and the reason a page failed, in
 * words a report can show.
 */

/** Tries per page, the first included. */
export const MAX_ATTEMPTS = 4;
/** Pages fetched at once overall, and at once per host (one: the sites are not ours to hammer). */
export const MAX_CONCURRENT = 4;
export const MAX_PER_HOST = 1;
/** A page that has not answered within this is a timeout. */
export const FETCH_TIMEOUT_MS = 30_000;

/** 429 (too many requests) and 5xx are the site asking to come back later; the rest is final. */
export const isRetryable = (status: number) => status === 429 || status === 408 || (status >= 500 && status <= 599);

/**
 * Wait before try `attempt + 1` (attempt counts from 1): the site's Retry-After when it says one
 * (capped at 10 minutes), else exponential backoff from 2 s with jitter, so a queue that was
 * told to slow down does not come back all at once.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null = null, random: () => number = Math.random, now = Date.now()): number {
  const cap = 10 * 60_000;
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(cap, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.min(cap, Math.max(0, at - now));
  }
  const base = 2000 * 2 ** (attempt - 1);
  return Math.min(cap, Math.round(base * (0.75 + random() * 0.5)));
}

/** Why a page could not be imported: the report's categories. */
export type FailureKind = 'not-found' | 'http-error' | 'not-html' | 'no-article' | 'login-page' | 'timeout' | 'unreachable';

export interface ImportFailure {
  kind: FailureKind;
  message: string;
}

/** A final HTTP answer that is not a page to capture; null when it is fine to read. */
export function failureOfResponse(status: number, contentType: string, finalUrl: string, requestedUrl: string): ImportFailure | null {
  if (status === 404 || status === 410) return { kind: 'not-found', message: `the page is gone (${status})` };
  if (status === 401 || status === 403) return { kind: 'login-page', message: `the site asks for a login or a subscription (${status})` };
  if (status >= 400) return { kind: 'http-error', message: `the site answered ${status}` };
  if (looksLikeLogin(finalUrl, requestedUrl)) return { kind: 'login-page', message: 'the site sent a login or subscription page instead of the article' };
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml') return { kind: 'not-html', message: `not a web page (${type})` };
  return null;
}

/** Redirected to a sign-in or paywall address that the saved link was not. */
function looksLikeLogin(finalUrl: string, requestedUrl: string): boolean {
  const pattern = /\/(login|log-in|signin|sign-in|sign_in|subscribe|paywall|account\/login|auth)(\/|\?|$)/i;
  return finalUrl !== requestedUrl && pattern.test(new URL(finalUrl, requestedUrl).pathname + '/') && !pattern.test(new URL(requestedUrl).pathname + '/');
}

export const timeoutFailure = (): ImportFailure => ({ kind: 'timeout', message: `no answer within ${FETCH_TIMEOUT_MS / 1000} s` });
export const unreachableFailure = (detail: string): ImportFailure => ({ kind: 'unreachable', message: `the site could not be reached (${detail})` });
export const noArticleFailure = (): ImportFailure => ({ kind: 'no-article', message: 'no article was found on the page' });
