import type { CaptureRecord } from '../storage/records';
import type { createActions } from './actions';
import type { VirtualList } from './virtual-list';

export interface KeyContext {
  list: VirtualList;
  readerOpen(): boolean;
  closeReader(): void;
  open(id: number): Promise<void>;
  actions: ReturnType<typeof createActions>;
  focusTags(): void;
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
  const inSearch = document.activeElement?.id === 'search';
  if (event.key === '/' && !typing()) {
    event.preventDefault();
    document.getElementById('search')!.focus();
    return;
  }
  const { list } = ctx;
  if (event.key === 'ArrowDown' || (!typing() && event.key === 'j')) {
    event.preventDefault();
    if (inSearch) (document.activeElement as HTMLElement).blur();
    list.select(list.selected + 1);
    return;
  }
  if (event.key === 'ArrowUp' || (!typing() && event.key === 'k')) {
    event.preventDefault();
    list.select(Math.max(0, list.selected - 1));
    return;
  }
  const record: CaptureRecord | undefined = list.selected >= 0 ? list.recordAt(list.selected) : undefined;
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
    Delete: () => ctx.actions.remove(record.id!),
    Backspace: () => ctx.actions.remove(record.id!),
  };
  const run = act[event.key];
  if (run) {
    event.preventDefault();
    void run();
  }
}
