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
import { formatNumber, t, tn } from '../../platform/i18n';

/** The queue's progress line: "12 captured, 0 already in your library, 0 failed, 3 left". */
const progressLine = (s: ImportStatus) => t('importProgress', formatNumber(s.captured), formatNumber(s.already), formatNumber(s.failed), formatNumber(s.left));

const etaLine = (seconds: number) =>
  seconds < 90 ? t('importEtaSeconds', formatNumber(Math.max(1, Math.round(seconds)))) : t('importEtaMinutes', formatNumber(Math.round(seconds / 60)));

/** Options → Import: choose or drop files, see the preview, import; then the queue's progress. */
export const importSection: OptionsSection = {
  id: 'import',
  title: t('sectionImport'),
  render(body) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = t('importIntro');
    const pick = document.createElement('label');
    pick.className = 'text-button bordered file-button';
    pick.textContent = t('importChoose');
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'import-file';
    input.multiple = true;
    pick.append(input);
    const drop = document.createElement('div');
    drop.id = 'import-drop';
    drop.className = 'drop-zone';
    drop.textContent = t('importDrop');
    const preview = document.createElement('p');
    preview.id = 'import-preview';
    preview.setAttribute('role', 'status');
    const reason = document.createElement('p');
    reason.className = 'hint';
    reason.id = 'import-reason';
    const start = actionButton('import-start', t('importStart'));
    start.hidden = true;

    const bar = document.createElement('progress');
    bar.id = 'import-bar';
    bar.hidden = true;
    const progress = document.createElement('p');
    progress.id = 'import-progress';
    progress.setAttribute('role', 'status');
    const controls = document.createElement('div');
    controls.className = 'button-row';
    const pause = actionButton('import-pause', t('importPause'));
    const resume = actionButton('import-resume', t('importResume'));
    const cancel = actionButton('import-cancel', t('cancel'));
    const retry = actionButton('import-retry', t('importRetry'));
    const csv = actionButton('import-csv', t('importCsv'));
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
        state === 'paused'
          ? t('importPaused')
          : state === 'running' && status.etaSeconds !== null
            ? etaLine(status.etaSeconds)
            : state === 'done'
              ? t('importDone')
              : '';
      progress.textContent = total ? `${progressLine(status)}${extra ? ` — ${extra}` : ''}` : '';
      pause.hidden = state !== 'running';
      resume.hidden = state !== 'paused';
      cancel.hidden = !status.left;
      retry.hidden = csv.hidden = !status.failed || !!status.left;
      failures.replaceChildren(
        ...(status.failed && !status.left ? [Object.assign(document.createElement('li'), { textContent: t('importFailuresTitle') })] : []),
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
      preview.textContent = t('importReading', files.map((f) => f.name).join(', '));
      try {
        parsed = await parseFiles(files);
        const formats = [...new Set(parsed.parses.map((p) => FORMAT_NAMES[p.format]))].join(', ');
        preview.dataset['state'] = 'ready';
        preview.textContent = t('importPreview', formats, summaryLine(parsed.summary));
        const sites = originsToFetch(parsed.parses).length;
        reason.textContent = sites ? tn('importFetchReason', sites) : '';
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
          preview.textContent = t('importDenied');
          return;
        }
        const queued = await queueImport(chosen.parses, (sent, total) => (preview.textContent = t('importSending', formatNumber(sent), formatNumber(total))));
        await refresh();
        preview.dataset['state'] = 'queued';
        preview.textContent = queued
          ? t('importPreview', [...new Set(chosen.parses.map((p) => FORMAT_NAMES[p.format]))].join(', '), summaryLine(chosen.summary))
          : t('importNothing');
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
