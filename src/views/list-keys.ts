import type { CaptureRow } from '../storage/records';
import type { createActions } from './actions';
import type { VirtualList } from './virtual-list';

export interface KeyContext {
  list: VirtualList;
  readerOpen(): boolean;
  closeReader(): void;
  open(id: number): Promise<void>;
  actions: ReturnType<typeof createActions>;
  focusTags(): void;
  /** Check or uncheck a row for the bulk actions (Space or x on the selected row). */
  toggleCheck(record: CaptureRow): void;
}

function typing(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement;
}

/**
 * The popup's keys (UI.md): `/` search, ↑/↓ or j/k move, Enter open, Esc back; on the selected row
 * (issue #5) `m` read/unread, `a` archive, `f` favourite, `t` tags, Delete delete (with Undo).
 */
export function onKey(event: KeyboardEvent, ctx: KeyContext): void {
  if (ctx.readerOpen()) {
    if (event.key === 'Escape' && !(document.activeElement instanceof HTMLInputElement)) {
      event.preventDefault();
      ctx.closeReader();
    }
    return;
  }
  // Enter and Space on a button (Undo, a filter) are that button's own: they must not open a row too.
  const active = document.activeElement;
  if (
    (event.key === 'Enter' || event.key === ' ') &&
    (active instanceof HTMLButtonElement || active instanceof HTMLAnchorElement || active?.tagName === 'SUMMARY')
  )
    return;
  const inSearch = active?.id === 'search';
  if (event.key === '/' && !typing()) {
    event.preventDefault();
    document.getElementById('search')!.focus();
    return;
  }
  const { list } = ctx;
  if (event.key === 'ArrowDown' || (!typing() && event.key === 'j')) {
    event.preventDefault();
    if (inSearch) {
      // Down from the search box moves into the grid, onto its first row (its focus handler).
      const before = list.selected;
      document.getElementById('list')!.focus();
      if (before < 0) return;
    }
    list.select(list.selected + 1);
    return;
  }
  if (event.key === 'ArrowUp' || (!typing() && event.key === 'k')) {
    event.preventDefault();
    list.select(Math.max(0, list.selected - 1));
    return;
  }
  const record: CaptureRow | undefined = list.selected >= 0 ? list.recordAt(list.selected) : undefined;
  if (!record) return;
  if (event.key === 'Enter' && (!typing() || inSearch)) {
    event.preventDefault();
    void ctx.open(record.id!);
    return;
  }
  if (typing()) return;
  const act: Record<string, () => unknown> = {
    m: () => ctx.actions.toggleRead(record),
    a: () => ctx.actions.toggleArchive(record),
    f: () => ctx.actions.toggleFavourite(record),
    t: () => ctx.open(record.id!).then(ctx.focusTags),
    ' ': () => ctx.toggleCheck(record),
    x: () => ctx.toggleCheck(record),
    Delete: () => ctx.actions.remove(record.id!),
    Backspace: () => ctx.actions.remove(record.id!),
  };
  const run = act[event.key];
  if (run) {
    event.preventDefault();
    void run();
  }
}
