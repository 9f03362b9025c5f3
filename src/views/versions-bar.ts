import { diffStats, wordDiff } from '../core/library/word-diff';
import { formatNumber, t, tn } from '../platform/i18n';
import { listVersions } from '../storage/capture-queries';
import type { CleanCaptureDb } from '../storage/db';
import type { CaptureRecord, VersionRecord } from '../storage/records';
import { renderArticle, type RenderedArticle } from './article-view';
import { displayDate } from './format';

/** A version as something the reader can render: the record with an older text in place. */
function asRecord(record: CaptureRecord, version: VersionRecord): CaptureRecord {
  const { id: _id, captureId: _c, number: _n, savedAt: _s, ...text } = version;
  return { ...record, ...text };
}

function label(at: string, number: number, newest: boolean): string {
  const date = displayDate(at) || at.slice(0, 10);
  return newest ? t('versionNewest', String(number), date) : t('versionLabel', String(number), date);
}

/**
 * The reader with its history (issue #5): the newest text by default; when the article changed,
 * a bar to open an older version and to see what changed from the version before, word by word.
 */
export async function renderWithVersions(target: HTMLElement, record: CaptureRecord, db: CleanCaptureDb): Promise<RenderedArticle> {
  let view = await renderArticle(target, record, db);
  // The handle follows whichever version is shown, so callers release and wait on the right one.
  const handle: RenderedArticle = {
    release: () => view.release(),
    get settled() {
      return view.settled;
    },
  };
  if ((record.versionCount ?? 1) < 2) return handle;
  const older = await listVersions(db, record.id!);
  if (!older.length) return handle;
  const texts: Array<{ label: string; record: CaptureRecord; text: string }> = [
    ...older.map((v) => ({ label: label(v.savedAt, v.number, false), record: asRecord(record, v), text: v.textContent })),
    { label: label(record.updatedAt, older.length + 1, true), record, text: record.textContent },
  ];

  const bar = document.createElement('div');
  bar.className = 'versions-bar';
  const select = document.createElement('select');
  select.id = 'version-select';
  select.setAttribute('aria-label', t('versionSelectLabel'));
  texts.forEach((t, i) => select.append(new Option(t.label, String(i), false, i === texts.length - 1)));
  const changes = document.createElement('button');
  changes.id = 'show-changes';
  changes.type = 'button';
  changes.className = 'text-button';
  changes.setAttribute('aria-pressed', 'false');
  changes.textContent = t('showChanges');
  bar.append(select, changes);

  const show = async () => {
    const i = Number(select.value);
    const diffing = changes.getAttribute('aria-pressed') === 'true';
    view.release();
    view = await renderArticle(target, texts[i]!.record, db);
    target.prepend(bar);
    changes.disabled = i === 0;
    if (diffing && i > 0) target.querySelector('.article-body')!.replaceWith(diffView(texts[i - 1]!.text, texts[i]!.text));
  };
  select.addEventListener('change', () => void show());
  changes.addEventListener('click', () => {
    changes.setAttribute('aria-pressed', String(changes.getAttribute('aria-pressed') !== 'true'));
    changes.textContent = changes.getAttribute('aria-pressed') === 'true' ? t('hideChanges') : t('showChanges');
    void show();
  });
  target.prepend(bar);
  changes.disabled = texts.length - 1 === 0;
  return handle;
}

/** The words added (underlined) and removed (struck through) between two texts. */
function diffView(older: string, newer: string): HTMLElement {
  const parts = wordDiff(older, newer);
  const { added, removed } = diffStats(parts);
  const body = document.createElement('div');
  body.className = 'article-body diff-view';
  const summary = document.createElement('p');
  summary.className = 'diff-summary';
  summary.textContent = tn('wordsChanged', added, formatNumber(removed));
  const text = document.createElement('p');
  text.className = 'diff-text';
  for (const part of parts) {
    if (part.kind === 'same') text.append(part.text);
    else {
      const mark = document.createElement(part.kind === 'added' ? 'ins' : 'del');
      mark.textContent = part.text;
      text.append(mark);
    }
  }
  body.append(summary, text);
  return body;
}
