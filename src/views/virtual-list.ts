import type { CaptureRow } from '../storage/records';
import type { LibrarySource } from './library-source';

/** Rows read at a time: about two screens, so the first paint reads little. */
export const PAGE = 16;
const OVERSCAN = 6;
const MAX_PAGES = 30;

/**
 * A list that only creates the rows in view (plus a few), over a source read page by page
 * (issue #5). Rows have one fixed height (CSS `--row-height`), so the scroll height is known from
 * the total without reading the records.
 *
 * It is an ARIA grid (issue 17): the viewport (`role=grid`) keeps the focus and names the selected
 * row in `aria-activedescendant`; `aria-rowcount` tells the total, since only a few rows exist.
 */
export class VirtualList {
  private source: LibrarySource = { total: 0, fetch: async () => [] };
  private pages = new Map<number, CaptureRow[]>();
  private loading = new Map<number, Promise<void>>();
  private generation = 0;
  readonly spacer: HTMLElement;
  selected = -1;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly rowHeight: number,
    private readonly renderRow: (record: CaptureRow, index: number, selected: boolean) => HTMLElement,
    private readonly onPainted: () => void = () => {},
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'list-spacer';
    this.spacer.setAttribute('role', 'rowgroup');
    viewport.replaceChildren(this.spacer);
    viewport.addEventListener('scroll', () => this.render(), { passive: true });
    // Focus reaching the grid from the keyboard lands on a row, so a screen reader is told where it
    // is. Not on a click: redrawing the rows between mousedown and mouseup would swallow the click.
    viewport.addEventListener('focus', () => {
      if (!viewport.matches(':focus-visible')) return;
      if (this.selected < 0 && this.source.total > 0) this.select(Math.floor(this.viewport.scrollTop / this.rowHeight));
    });
  }

  get total(): number {
    return this.source.total;
  }

  /**
   * Show another source (new query, filter or a change). Its first page is read before anything
   * changes: until then the old rows and records stay, so a key pressed meanwhile acts on the row
   * the user sees.
   */
  async setSource(source: LibrarySource, keepScroll = false): Promise<void> {
    const generation = ++this.generation;
    const page = keepScroll ? this.pageOf(Math.floor(this.viewport.scrollTop / this.rowHeight)) : 0;
    const first = page * PAGE < Math.max(1, source.total) ? await source.fetch(page * PAGE, PAGE) : [];
    if (generation !== this.generation) return;
    this.pages = new Map([[page, first]]);
    this.loading.clear();
    this.source = source;
    if (!keepScroll) {
      this.viewport.scrollTop = 0;
      this.selected = -1;
    }
    this.selected = Math.min(this.selected, source.total - 1);
    this.render();
  }

  /** The real total of a source whose total was provisional. */
  setTotal(total: number): void {
    this.source = { ...this.source, total };
    this.render();
  }

  recordAt(index: number): CaptureRow | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  select(index: number): void {
    if (!this.source.total) return;
    this.selected = Math.max(0, Math.min(this.source.total - 1, index));
    const top = this.selected * this.rowHeight;
    const { scrollTop, clientHeight } = this.viewport;
    if (top < scrollTop) this.viewport.scrollTop = top;
    else if (top + this.rowHeight > scrollTop + clientHeight) this.viewport.scrollTop = top + this.rowHeight - clientHeight;
    this.render();
  }

  private pageOf(index: number): number {
    return Math.max(0, Math.floor(index / PAGE));
  }

  private load(page: number, generation = this.generation): Promise<void> {
    if (this.pages.has(page) || page * PAGE >= Math.max(1, this.source.total)) return Promise.resolve();
    let pending = this.loading.get(page);
    if (!pending) {
      const loading = this.loading;
      pending = this.source.fetch(page * PAGE, PAGE).then((records) => {
        // Always forget the request: a stale one left here would answer every later render at
        // once, and render → load → render would spin without ever reading the page.
        if (loading.get(page) === pending) loading.delete(page);
        if (generation !== this.generation) return;
        this.pages.set(page, records);
        // Keep memory flat while scrolling through thousands of rows.
        while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
      });
      this.loading.set(page, pending);
    }
    return pending;
  }

  render(): void {
    const total = this.source.total;
    this.spacer.style.height = `${total * this.rowHeight}px`;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / this.rowHeight) - OVERSCAN);
    const visible = Math.ceil((this.viewport.clientHeight || 480) / this.rowHeight);
    const last = Math.min(total - 1, first + visible + OVERSCAN * 2);
    const rows: HTMLElement[] = [];
    const missing = new Set<number>();
    for (let i = first; i <= last; i++) {
      const record = this.recordAt(i);
      if (!record) {
        // A page read but shorter than expected (a record deleted meanwhile) is not read again.
        if (!this.pages.has(this.pageOf(i))) missing.add(this.pageOf(i));
        continue;
      }
      const row = this.renderRow(record, i, i === this.selected);
      row.style.top = `${i * this.rowHeight}px`;
      rows.push(row);
    }
    this.spacer.replaceChildren(...rows);
    this.viewport.setAttribute('aria-rowcount', String(total));
    const active = rows.find((row) => row.getAttribute('aria-selected') === 'true');
    if (active) this.viewport.setAttribute('aria-activedescendant', active.id);
    else this.viewport.removeAttribute('aria-activedescendant');
    if (rows.length) this.onPainted();
    for (const page of missing) void this.load(page).then(() => this.render());
  }
}
