import type { CaptureRecord } from '../storage/db';
import { isLowCompleteness, metaLine } from '../ui/format';

/** Rows of the library list; selection checkboxes feed the zip export. */
export function renderRows(list: HTMLElement, records: CaptureRecord[], checked: Set<number>, open: (id: number) => void, read: Set<number> = new Set()): void {
  list.replaceChildren(
    ...records.map((record) => {
      const row = document.createElement('li');
      // Unread articles stand out (bold); read ones are muted.
      row.className = read.has(record.id!) ? 'row read' : 'row unread';
      row.setAttribute('role', 'option');
      row.dataset['id'] = String(record.id);
      row.tabIndex = -1;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = checked.has(record.id!);
      box.setAttribute('aria-label', `Select "${record.title}" for export`);
      box.addEventListener('click', (event) => event.stopPropagation());
      box.addEventListener('change', () => (box.checked ? checked.add(record.id!) : checked.delete(record.id!)));
      const main = document.createElement('div');
      main.className = 'row-main';
      const title = document.createElement('div');
      title.className = 'row-title';
      title.textContent = record.title;
      const meta = document.createElement('div');
      meta.className = 'row-meta';
      meta.textContent = metaLine(record);
      if (isLowCompleteness(record)) {
        const warn = document.createElement('span');
        warn.className = 'incomplete';
        warn.textContent = ' · ⚠ may be incomplete';
        warn.title = record.completeness!.reasons.join('; ');
        meta.append(warn);
      }
      const excerpt = document.createElement('div');
      excerpt.className = 'row-excerpt';
      excerpt.textContent = record.excerpt ?? '';
      main.append(title, meta, excerpt);
      row.append(box, main);
      row.addEventListener('click', () => open(record.id!));
      return row;
    }),
  );
}
