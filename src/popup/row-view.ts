import type { CaptureRecord } from '../storage/records';
import { plural } from '../core/shared/plural';
import { isLowCompleteness, metaLine } from '../views/format';

export interface RowHandlers {
  open(id: number): void;
  checked: Set<number>;
  /** Title of another record of the same story, when known. */
  storyPeerTitle(record: CaptureRecord): string | null;
  /** How many highlights the article has (issue #16); 0 when none or not known yet. */
  highlightCount?(record: CaptureRecord): number;
  toggleFavourite(record: CaptureRecord): void;
  toggleArchive(record: CaptureRecord): void;
  remove(record: CaptureRecord): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

function actionButton(label: string, title: string, run: () => void, pressed?: boolean): HTMLButtonElement {
  const button = el('button', 'row-action', label);
  button.type = 'button';
  button.title = title;
  button.setAttribute('aria-label', title);
  if (pressed !== undefined) button.setAttribute('aria-pressed', String(pressed));
  button.tabIndex = -1; // the keyboard uses f / a / Delete on the selected row
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    run();
  });
  return button;
}

/** One library row: title (bold when unread), site · date · time and badges, excerpt, quick actions. */
export function renderRow(record: CaptureRecord, index: number, selected: boolean, h: RowHandlers): HTMLElement {
  const row = el('li', 'row');
  row.setAttribute('role', 'option');
  row.setAttribute('aria-selected', String(selected));
  row.setAttribute('aria-posinset', String(index + 1));
  row.dataset['id'] = String(record.id);
  row.dataset['state'] = record.archived ? 'archived' : (record.readState ?? 'unread');
  row.tabIndex = -1;

  const box = el('input', 'row-check');
  box.type = 'checkbox';
  box.checked = h.checked.has(record.id!);
  box.setAttribute('aria-label', `Select "${record.title}" for export`);
  box.addEventListener('click', (event) => event.stopPropagation());
  box.addEventListener('change', () => (box.checked ? h.checked.add(record.id!) : h.checked.delete(record.id!)));

  const main = el('div', 'row-main');
  main.append(el('div', 'row-title', record.title));
  const meta = el('div', 'row-meta');
  const badges: string[] = [];
  if (record.favourite) badges.push('★');
  if (record.archived) badges.push('Archived');
  if ((record.versionCount ?? 1) > 1) badges.push(`${record.versionCount} versions`);
  const highlights = h.highlightCount?.(record) ?? 0;
  if (highlights) badges.push(plural(highlights, 'highlight'));
  if (isLowCompleteness(record)) badges.push('⚠ may be incomplete');
  meta.textContent = [metaLine(record), ...badges].join(' · ');
  if (isLowCompleteness(record)) meta.title = `This capture may be incomplete: ${record.completeness!.reasons.join('; ')}`;
  main.append(meta);
  const peer = h.storyPeerTitle(record);
  const tags = record.tags ?? [];
  if (peer || tags.length) {
    const line = el('div', 'row-badges');
    if (peer) line.append(el('span', 'badge story', `Same story as “${peer}”`));
    for (const tag of tags) line.append(el('span', 'badge tag', `#${tag}`));
    main.append(line);
  } else {
    main.append(el('div', 'row-excerpt', record.excerpt ?? ''));
  }

  const actions = el('div', 'row-actions');
  actions.append(
    actionButton(
      record.favourite ? '★' : '☆',
      record.favourite ? 'Remove from favourites (f)' : 'Add to favourites (f)',
      () => h.toggleFavourite(record),
      !!record.favourite,
    ),
    actionButton(
      record.archived ? '⤴' : '⤓',
      record.archived ? 'Move back to the library (a)' : 'Archive (a)',
      () => h.toggleArchive(record),
      !!record.archived,
    ),
    actionButton('🗑', 'Delete (Delete key)', () => h.remove(record)),
  );
  row.append(box, main, actions);
  row.addEventListener('click', () => h.open(record.id!));
  return row;
}
