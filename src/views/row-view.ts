import type { CaptureRow } from '../storage/records';
import { t, tn } from '../platform/i18n';
import { isLowCompleteness, metaParts } from './format';
import { icon, type IconName } from './icons';

export interface RowHandlers {
  open(id: number): void;
  checked: Set<number>;
  /** Title of another record of the same story, when known. */
  storyPeerTitle(record: CaptureRow): string | null;
  /** How many highlights the article has (issue #16); 0 when none or not known yet. */
  highlightCount?(record: CaptureRow): number;
  toggleFavourite(record: CaptureRow): void;
  toggleArchive(record: CaptureRow): void;
  remove(record: CaptureRow): void;
  /** A row's checkbox changed (the library's bulk bar counts them). */
  onCheck?(record: CaptureRow, checked: boolean): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

function actionButton(name: IconName, title: string, run: () => void, pressed?: boolean): HTMLButtonElement {
  const button = el('button', 'row-action');
  button.append(icon(name, name === 'star' && !!pressed));
  button.type = 'button';
  button.title = title;
  button.setAttribute('aria-label', title);
  if (pressed !== undefined) button.setAttribute('aria-pressed', String(pressed));
  button.tabIndex = -1; // the keyboard uses f / a / Delete on the selected row (the grid holds the focus)
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    run();
  });
  return button;
}

/** A grid cell (the list is an ARIA grid: a row holds a checkbox and buttons, which an option may not). */
function cell(className: string): HTMLElement {
  const node = el('div', className);
  node.setAttribute('role', 'gridcell');
  return node;
}

/** The id of a record's row, which the grid's `aria-activedescendant` names. */
export const rowId = (id: number) => `row-${id}`;

/** One library row: title (bold when unread), site · date · time and badges, excerpt, quick actions. */
export function renderRow(record: CaptureRow, index: number, selected: boolean, h: RowHandlers): HTMLElement {
  const row = el('div', 'row');
  row.id = rowId(record.id!);
  row.setAttribute('role', 'row');
  row.setAttribute('aria-selected', String(selected));
  row.setAttribute('aria-rowindex', String(index + 1));
  row.dataset['id'] = String(record.id);
  row.dataset['state'] = record.archived ? 'archived' : (record.readState ?? 'unread');

  const check = cell('row-check-cell');
  const box = el('input', 'row-check');
  box.type = 'checkbox';
  box.tabIndex = -1; // Space on the selected row checks it
  box.checked = h.checked.has(record.id!);
  box.setAttribute('aria-label', t('rowSelect', record.title));
  box.addEventListener('click', (event) => event.stopPropagation());
  box.addEventListener('change', () => {
    if (box.checked) h.checked.add(record.id!);
    else h.checked.delete(record.id!);
    h.onCheck?.(record, box.checked);
  });
  check.append(box);

  const main = cell('row-main');
  const title = el('div', 'row-title', record.title);
  title.title = record.title;
  // An Arabic or Hebrew title reads right to left in any UI; its direction comes from its text.
  title.dir = record.dir === 'rtl' || record.dir === 'ltr' ? record.dir : 'auto';
  main.append(title);
  const meta = el('div', 'row-meta');
  const badges: string[] = [];
  if (record.favourite) badges.push(t('badgeFavourite'));
  if (record.archived) badges.push(t('badgeArchived'));
  if ((record.versionCount ?? 1) > 1) badges.push(tn('versions', record.versionCount!));
  const highlightCount = h.highlightCount?.(record) ?? 0;
  if (highlightCount) badges.push(tn('highlights', highlightCount));
  if (isLowCompleteness(record)) badges.push(`⚠ ${t('badgeIncomplete')}`);
  [...metaParts(record), ...badges].forEach((part, i) => meta.append(...(i ? [' · '] : []), el('bdi', '', part)));
  if (isLowCompleteness(record)) meta.title = t('incompleteWhy', record.completeness!.reasons.join('; '));
  main.append(meta);
  const peer = h.storyPeerTitle(record);
  const tags = record.tags ?? [];
  if (peer || tags.length) {
    const line = el('div', 'row-badges');
    if (peer) line.append(el('span', 'badge story', t('sameStoryAs', peer)));
    for (const tag of tags) line.append(el('span', 'badge tag', `#${tag}`));
    main.append(line);
  } else {
    const excerpt = el('div', 'row-excerpt', record.excerpt ?? '');
    excerpt.dir = title.dir;
    main.append(excerpt);
  }

  const actions = cell('row-actions');
  actions.append(
    actionButton('star', record.favourite ? t('rowUnfavourite') : t('rowFavourite'), () => h.toggleFavourite(record), !!record.favourite),
    actionButton(
      record.archived ? 'unarchive' : 'archive',
      record.archived ? t('rowUnarchive') : t('rowArchive'),
      () => h.toggleArchive(record),
      !!record.archived,
    ),
    actionButton('trash', t('rowDelete'), () => h.remove(record)),
  );
  row.append(check, main, actions);
  row.addEventListener('click', () => h.open(record.id!));
  return row;
}
