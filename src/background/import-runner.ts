import browser from 'webextension-polyfill';
import { MAX_RAW_HTML_CHARS, packRawHtml } from '../core/extract/raw-page';
import { MAX_ATTEMPTS, MAX_CONCURRENT, noArticleFailure, retryDelayMs, unreachableFailure, type ImportFailure } from '../core/import/fetch-policy';
import { errorMessage } from '../core/shared/errors';
import { tryNormalizeUrl } from '../core/library/url';
import { loadSettings } from '../platform/settings-store';
import { liveByUrlKeys } from '../storage/capture-queries';
import type { CleanCaptureDb } from '../storage/db';
import { markAlready, markFailed, queueState, requeueInterrupted, retryLater, saveImported, takeNext } from '../storage/import-queue';
import type { ImportQueueRecord } from '../storage/records';
import { extractOffWorker } from './extract-off-worker';
import { fetchForImport, fetchImageForImport } from './fetch-for-import';
import { storeCaptureImages } from './store-images';

/** The alarm that wakes a stopped background while the queue has pages left (issue #15). */
export const IMPORT_ALARM = 'import-queue';

/**
 * Works the import queue: a few pages at once, one per host, each fetched (or taken from the
 * export's content), extracted off the worker, saved with its metadata and its images. All state
 * is in the database, so a stopped worker resumes where it was: on start, on the alarm, or when
 * Options asks for the status.
 */
export class ImportRunner {
  private readonly busy = new Set<string>();
  private running = 0;
  private pumping: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: CleanCaptureDb,
    private readonly onCaptured: (id: number) => void,
  ) {}

  /** After a (re)start of the background: pages cut short are to do again; then resume. */
  async resume(): Promise<void> {
    await requeueInterrupted(this.db);
    await this.pump();
  }

  /** Start what can start now; calls overlap safely (one at a time, each transaction takes one page). */
  pump(): Promise<void> {
    this.pumping = this.pumping.then(() => this.fill()).catch(() => {});
    return this.pumping;
  }

  private async fill(): Promise<void> {
    while (this.running < MAX_CONCURRENT) {
      const next = await takeNext(this.db, this.busy);
      if (!next) break;
      const { row, html } = next;
      this.running++;
      this.busy.add(row.host);
      void this.process(row, html)
        .catch((error: unknown) => markFailed(this.db, row.id!, unreachableFailure(errorMessage(error)), row.attempts))
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.busy.delete(row.host);
          void this.pump();
        });
    }
    await this.schedule(await queueState(this.db));
  }

  /** The badge shows the pages left; the alarm and a timer bring the runner back for retries. */
  private async schedule(status: { left: number; paused: boolean; nextAt: number | null }): Promise<void> {
    await browser.action.setBadgeText({ text: status.left && !status.paused ? String(status.left) : '' }).catch(() => {});
    clearTimeout(this.timer);
    if (!status.left || status.paused) {
      await browser.alarms.clear(IMPORT_ALARM).catch(() => {});
      return;
    }
    if (!(await browser.alarms.get(IMPORT_ALARM))) browser.alarms.create(IMPORT_ALARM, { periodInMinutes: 0.5 });
    if (status.nextAt !== null && this.running < MAX_CONCURRENT) {
      this.timer = setTimeout(() => void this.pump(), Math.max(50, status.nextAt - Date.now()));
    }
  }

  private async process(row: ImportQueueRecord, carried: string | null): Promise<void> {
    let html = carried;
    let url = row.url;
    if (html === null) {
      const key = tryNormalizeUrl(row.url);
      const saved = key ? await liveByUrlKeys(this.db, [key]).first() : undefined;
      if (saved) {
        if (await markAlready(this.db, row.id!, saved.id!)) this.onCaptured(saved.id!);
        return;
      }
      const fetched = await fetchForImport(row.url);
      const attempts = row.attempts + 1;
      if (fetched.kind === 'retry') {
        if (attempts >= MAX_ATTEMPTS) {
          const failure: ImportFailure = fetched.status
            ? { kind: 'http-error', message: `the site answered ${fetched.status}, ${attempts} times` }
            : unreachableFailure(`no answer after ${attempts} tries`);
          return markFailed(this.db, row.id!, failure, attempts);
        }
        return retryLater(this.db, row.id!, attempts, Date.now() + retryDelayMs(attempts, fetched.retryAfter));
      }
      if (fetched.kind === 'failed') return markFailed(this.db, row.id!, fetched.failure, attempts);
      html = fetched.html;
      url = fetched.url;
    }
    const extracted = await extractOffWorker(html, url);
    if (!extracted.ok) {
      const failure = extracted.error.code === 'no-article' ? noArticleFailure() : { kind: 'no-article' as const, message: extracted.error.message };
      return markFailed(this.db, row.id!, failure, row.attempts + 1);
    }
    const raw = html.length <= MAX_RAW_HTML_CHARS ? packRawHtml(html) : undefined;
    const saved = await saveImported(this.db, row, extracted.capture, raw);
    // An article already in the library that got the export's highlights: search finds them too.
    if (saved.status === 'already' && saved.highlights) this.onCaptured(saved.id);
    if (saved.status !== 'captured') return;
    this.onCaptured(saved.id);
    const settings = await loadSettings();
    if (settings.keepImages && extracted.imageUrls.length) {
      await storeCaptureImages(this.db, saved.id, extracted.imageUrls, settings, fetchImageForImport).catch(() => {});
    }
  }
}
