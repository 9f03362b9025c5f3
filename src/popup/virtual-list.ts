import type { CaptureRecord } from '../storage/records';
import type { LibrarySource } from './library-source';

/** Rows read at a time: about two screens, so the first paint reads little. */
export const PAGE = 16;
const OVERSCAN = 6;
const MAX_PAGES = 30;

/**
 * A list that only creates the rows in view (plus a few), over a source read page by page
 * (issue #5). Rows have one fixed height (CSS `--row-height`), so the scroll height is known from
 * the total without reading the records.
 */
export class VirtualList {
  private source: LibrarySource = { total: 0, fetch: async () => [] };
  private pages = new Map<number, CaptureRecord[]>();
  private loading = new Map<number, Promise<void>>();
  private generation = 0;
  readonly spacer: HTMLElement;
  selected = -1;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly rowHeight: number,
    private readonly renderRow: (record: CaptureRecord, index: number, selected: boolean) => HTMLElement,
    private readonly onPainted: () => void = () => {},
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'list-spacer';
    viewport.replaceChildren(this.spacer);
    viewport.addEventListener('scroll', () => this.render(), { passive: true });
  }

  get total(): number {
    return this.source.total;
  }

  /** Show another source (new query, filter or a change): the first page is read before painting. */
  async setSource(source: LibrarySource, keepScroll = false): Promise<void> {
    const generation = ++this.generation;
    this.pages.clear();
    this.loading.clear();
    this.source = source;
    if (!keepScroll) {
      this.viewport.scrollTop = 0;
      this.selected = -1;
    }
    this.selected = Math.min(this.selected, source.total - 1);
    await this.load(this.pageOf(Math.floor(this.viewport.scrollTop / this.rowHeight)), generation);
    if (generation === this.generation) this.render();
  }

  /** The real total of a source whose total was provisional. */
  setTotal(total: number): void {
    this.source = { ...this.source, total };
    this.render();
  }

  recordAt(index: number): CaptureRecord | undefined {
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
      pending = this.source.fetch(page * PAGE, PAGE).then((records) => {
        if (generation !== this.generation) return;
        this.pages.set(page, records);
        this.loading.delete(page);
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
    if (rows.length) this.onPainted();
    for (const page of missing) void this.load(page).then(() => this.render());
  }
}
