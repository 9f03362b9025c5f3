import { isHighlightColor } from '../core/highlights/highlight';
import { libraryDb } from '../platform/library-db';
import { getCapture } from '../storage/capture-queries';
import { allHighlights } from '../storage/highlight-queries';
import type { CaptureRecord, HighlightRecord } from '../storage/records';
import { displayDate } from '../views/format';
import { localizeDocument, t, tn } from '../platform/i18n';

/**
 * The library's Highlights view (issue #16): every highlight across the articles, newest first,
 * filtered by colour and by the article's tag; each links to its article in the reader.
 */
async function main(): Promise<void> {
  const db = libraryDb();
  const highlights = await allHighlights(db);
  const articles = new Map<number, CaptureRecord>();
  for (const id of new Set(highlights.map((h) => h.captureId))) {
    const record = await getCapture(db, id);
    if (record) articles.set(id, record);
  }
  const color = document.getElementById('filter-color') as HTMLSelectElement;
  const tag = document.getElementById('filter-tag') as HTMLInputElement;
  const params = new URLSearchParams(location.search);
  if (isHighlightColor(params.get('color'))) color.value = params.get('color')!;
  tag.value = params.get('tag') ?? '';
  const draw = () => {
    const wantTag = tag.value.trim().replace(/^#/, '').toLowerCase();
    const shown = highlights.filter(
      (h) => (!color.value || h.color === color.value) && (!wantTag || (articles.get(h.captureId)?.tags ?? []).some((t) => t.toLowerCase() === wantTag)),
    );
    document.getElementById('highlights-list')!.replaceChildren(...shown.map((h) => item(h, articles.get(h.captureId))));
    document.getElementById('highlights-count')!.textContent = tn('highlights', shown.length);
    document.getElementById('highlights-empty')!.hidden = highlights.length > 0;
  };
  color.addEventListener('change', draw);
  tag.addEventListener('input', draw);
  draw();
  document.body.dataset['ready'] = 'true';
}

function item(h: HighlightRecord, article: CaptureRecord | undefined): HTMLElement {
  const li = document.createElement('li');
  li.className = 'highlights-item';
  li.dataset['highlightId'] = h.id;
  li.dataset['color'] = h.color;
  const quote = document.createElement('blockquote');
  quote.className = `hl-quote hl-${h.color}`;
  quote.textContent = h.exact.replace(/\s+/g, ' ').trim();
  li.append(quote);
  if (h.note.trim()) li.append(Object.assign(document.createElement('p'), { className: 'hl-orphan-note', textContent: h.note }));
  const source = document.createElement('p');
  source.className = 'highlights-source';
  const link = document.createElement('a');
  link.href = `reader.html?id=${h.captureId}`;
  link.textContent = article?.title ?? t('untitled');
  source.append(link, ` · ${displayDate(h.createdAt) || h.createdAt.slice(0, 10)}`);
  li.append(source);
  return li;
}

localizeDocument();
void main();
