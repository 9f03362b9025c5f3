import { FORMAT_NAMES } from '../../core/import/import-item';
import { summaryLine } from '../../core/import/import-summary';
import { errorMessage } from '../../core/shared/errors';
import { failuresCsv, originsToFetch, parseFiles, queueImport, type ParsedFiles } from '../../features/import';
import type { ImportAction } from '../../messages';
import { downloadBlob } from '../../platform/download';
import { requestHostAccess } from '../../platform/host-access';
import { send } from '../../platform/messaging';
import type { ImportStatus } from '../../storage/records';
import { actionButton, type OptionsSection } from '../section';

/** Every string this section shows (one place, for the move to i18n). */
const TEXT = {
  title: 'Import',
  intro:
    'Bring your library from Pocket, Omnivore, Instapaper, wallabag, Readwise Reader, your browser bookmarks, a list of web addresses or saved pages. The file is read here and shown to you before anything is added.',
  choose: 'Choose export files…',
  drop: 'or drop them here',
  reading: (names: string) => `Reading ${names}…`,
  preview: (format: string, line: string) => `${format}: ${line}.`,
  start: 'Import',
  fetchReason: (sites: number) =>
    `The pages of ${sites === 1 ? '1 site' : `${sites.toLocaleString('en-US')} sites`} must be fetched: Clean Capture will ask to read ${sites === 1 ? 'it' : 'them'}.`,
  denied: 'Without access to those sites their pages cannot be fetched, so nothing was imported.',
  sending: (sent: number, total: number) => `Adding to the queue… ${sent.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
  nothing: 'Every page of this file is already queued.',
  progress: (s: ImportStatus) =>
    `${s.captured.toLocaleString('en-US')} captured, ${s.already.toLocaleString('en-US')} already in your library, ${s.failed.toLocaleString('en-US')} failed, ${s.left.toLocaleString('en-US')} left`,
  eta: (seconds: number) => (seconds < 90 ? `about ${Math.max(1, Math.round(seconds))} s left` : `about ${Math.round(seconds / 60)} min left`),
  paused: 'paused',
  done: 'Import finished.',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  retry: 'Retry failed',
  csv: 'Download the failures (CSV)',
  failuresTitle: 'Not imported:',
};

/** Options → Import: choose or drop files, see the preview, import; then the queue's progress. */
export const importSection: OptionsSection = {
  id: 'import',
  title: TEXT.title,
  render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = TEXT.intro;
    const pick = document.createElement('label');
    pick.className = 'text-button bordered file-button';
    pick.textContent = TEXT.choose;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'import-file';
    input.multiple = true;
    pick.append(input);
    const drop = document.createElement('div');
    drop.id = 'import-drop';
    drop.className = 'drop-zone';
    drop.textContent = TEXT.drop;
    const preview = document.createElement('p');
    preview.id = 'import-preview';
    preview.setAttribute('role', 'status');
    const reason = document.createElement('p');
    reason.className = 'hint';
    reason.id = 'import-reason';
    const start = actionButton('import-start', TEXT.start);
    start.hidden = true;

    const bar = document.createElement('progress');
    bar.id = 'import-bar';
    bar.hidden = true;
    const progress = document.createElement('p');
    progress.id = 'import-progress';
    progress.setAttribute('role', 'status');
    const controls = document.createElement('div');
    controls.className = 'button-row';
    const pause = actionButton('import-pause', TEXT.pause);
    const resume = actionButton('import-resume', TEXT.resume);
    const cancel = actionButton('import-cancel', TEXT.cancel);
    const retry = actionButton('import-retry', TEXT.retry);
    const csv = actionButton('import-csv', TEXT.csv);
    controls.append(pause, resume, cancel, retry, csv);
    const failures = document.createElement('ul');
    failures.id = 'import-failures';
    failures.className = 'hint';

    let parsed: ParsedFiles | null = null;
    let last: ImportStatus | null = null;

    const show = (status: ImportStatus) => {
      last = status;
      const total = status.captured + status.already + status.failed + status.left;
      bar.hidden = total === 0;
      bar.max = Math.max(1, total);
      bar.value = total - status.left;
      const state = status.left ? (status.paused ? 'paused' : 'running') : total ? 'done' : 'idle';
      progress.dataset['state'] = state;
      const extra =
        state === 'paused' ? TEXT.paused : state === 'running' && status.etaSeconds !== null ? TEXT.eta(status.etaSeconds) : state === 'done' ? TEXT.done : '';
      progress.textContent = total ? `${TEXT.progress(status)}${extra ? ` — ${extra}` : ''}` : '';
      pause.hidden = state !== 'running';
      resume.hidden = state !== 'paused';
      cancel.hidden = !status.left;
      retry.hidden = csv.hidden = !status.failed || !!status.left;
      failures.replaceChildren(
        ...(status.failed && !status.left ? [Object.assign(document.createElement('li'), { textContent: TEXT.failuresTitle })] : []),
        ...(status.left ? [] : status.failures).map((f) => Object.assign(document.createElement('li'), { textContent: `${f.url}: ${f.message}` })),
      );
    };
    // The page polls while an action may be answered: an answer to an older request never
    // replaces a newer one (a poll sent before "Import" must not show the last import as done).
    let asked = 0;
    let shown = 0;
    const latest = async (request: Promise<ImportStatus>) => {
      const n = ++asked;
      const status = await request;
      if (n > shown) {
        shown = n;
        show(status);
      }
    };
    const refresh = () => latest(send('import-status', {}));
    const control = (action: ImportAction) => latest(send('import-control', { action }));

    const choose = async (files: File[]) => {
      if (!files.length) return;
      parsed = null;
      start.hidden = true;
      reason.textContent = '';
      preview.dataset['state'] = 'busy';
      preview.textContent = TEXT.reading(files.map((f) => f.name).join(', '));
      try {
        parsed = await parseFiles(files);
        const formats = [...new Set(parsed.parses.map((p) => FORMAT_NAMES[p.format]))].join(', ');
        preview.dataset['state'] = 'ready';
        preview.textContent = TEXT.preview(formats, summaryLine(parsed.summary));
        const sites = originsToFetch(parsed.parses).length;
        reason.textContent = sites ? TEXT.fetchReason(sites) : '';
        start.hidden = parsed.summary.articles === 0;
      } catch (error) {
        preview.dataset['state'] = 'failed';
        preview.textContent = errorMessage(error);
      }
    };

    input.addEventListener('change', () => void choose([...(input.files ?? [])]).finally(() => (input.value = '')));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      void choose([...(event.dataTransfer?.files ?? [])]);
    });
    start.addEventListener('click', async () => {
      if (!parsed) return;
      const chosen = parsed;
      start.disabled = true;
      try {
        // Asked from the click itself (a user gesture), before any other await.
        const origins = originsToFetch(chosen.parses);
        if (origins.length && !(await requestHostAccess(origins))) {
          preview.dataset['state'] = 'failed';
          preview.textContent = TEXT.denied;
          return;
        }
        const queued = await queueImport(chosen.parses, (sent, total) => (preview.textContent = TEXT.sending(sent, total)));
        await refresh();
        preview.dataset['state'] = 'queued';
        preview.textContent = queued
          ? TEXT.preview([...new Set(chosen.parses.map((p) => FORMAT_NAMES[p.format]))].join(', '), summaryLine(chosen.summary))
          : TEXT.nothing;
        start.hidden = true;
        reason.textContent = '';
        parsed = null;
      } catch (error) {
        preview.dataset['state'] = 'failed';
        preview.textContent = errorMessage(error);
      } finally {
        start.disabled = false;
      }
    });
    pause.addEventListener('click', () => void control('pause'));
    resume.addEventListener('click', () => void control('resume'));
    cancel.addEventListener('click', () => void control('cancel'));
    retry.addEventListener('click', () => void control('retry-failed'));
    csv.addEventListener('click', () => {
      if (last) downloadBlob(new Blob([failuresCsv(last.failures)], { type: 'text/csv' }), 'clean-capture-import-failures.csv');
    });

    body.append(intro, pick, drop, preview, reason, start, bar, progress, controls, failures);
    void refresh().catch(() => {});
    // The queue works in the background; the page follows it while open.
    setInterval(() => void refresh().catch(() => {}), 1000);
  },
};
