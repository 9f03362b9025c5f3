import {
  FETCH_TIMEOUT_MS,
  failureOfResponse,
  isRetryable,
  MAX_ATTEMPTS,
  retryDelayMs,
  timeoutFailure,
  unreachableFailure,
  type ImportFailure,
} from '../../core/import/fetch-policy';
import { errorMessage } from '../../core/shared/errors';
import { decodeHtml } from '../decode';

export type FetchedPage = { ok: true; html: string; url: string } | { ok: false; failure: ImportFailure };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One page over HTTP for `import --fetch`: retried with backoff on 429 / 5xx (the site's
 * Retry-After honoured), a timeout per try, the body decoded by its declared charset as the
 * `extract` command does. Never throws: a failure comes back with its reason.
 */
export async function fetchPage(url: string, options: { timeoutMs?: number; wait?: (ms: number) => Promise<void> } = {}): Promise<FetchedPage> {
  const wait = options.wait ?? sleep;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS),
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      });
    } catch (error) {
      const failure = (error as Error)?.name === 'TimeoutError' ? timeoutFailure() : unreachableFailure(causeOf(error));
      if (attempt >= MAX_ATTEMPTS || failure.kind === 'timeout') return { ok: false, failure };
      await wait(retryDelayMs(attempt));
      continue;
    }
    if (isRetryable(response.status) && attempt < MAX_ATTEMPTS) {
      await response.body?.cancel().catch(() => {});
      await wait(retryDelayMs(attempt, response.headers.get('retry-after')));
      continue;
    }
    const failure = failureOfResponse(response.status, response.headers.get('content-type') ?? '', response.url || url, url);
    if (failure) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, failure };
    }
    try {
      return { ok: true, html: decodeHtml(new Uint8Array(await response.arrayBuffer())), url: response.url || url };
    } catch (error) {
      return { ok: false, failure: (error as Error)?.name === 'TimeoutError' ? timeoutFailure() : unreachableFailure(causeOf(error)) };
    }
  }
}

/** Node's fetch says "fetch failed" and hides the reason (ECONNREFUSED…) in `cause`. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? errorMessage(error);
}
