import { HIGHLIGHT_COLORS, DEFAULT_HIGHLIGHT_COLOR, type HighlightColor } from '../core/highlights/highlight';
import { unmark } from '../core/highlights/mark-passages';
import { placeHighlights } from '../core/highlights/place-highlights';
import { userErrorMessage } from './error-text';
import { send } from '../platform/messaging';
import type { CleanCaptureDb } from '../storage/db';
import { highlightsOf } from '../storage/highlight-queries';
import type { CaptureRecord, HighlightRecord } from '../storage/records';
import { HighlightEditor } from './highlight-editor';
import { selectedPassage, selectionRect } from './highlight-selection';
import { HIGHLIGHT_STRINGS as S } from './highlight-strings';
import { UndoToast } from './undo-toast';

const MARK = 'mark.hl';

/**
 * Highlights and notes in the reader, popup and tab alike (issue #16): the article's highlights
 * marked in its body, a bar over a selection (four colours, Note, Copy quote; `h` highlights),
 * an editor for a clicked highlight (recolour, note, remove with Undo), and the highlights the
 * text no longer holds listed under the article as orphans. Reads the library read-only; every
 * change is a message to the background, then the marks are drawn again from the library.
 */
export class HighlightLayer {
  private target: HTMLElement | null = null;
  private record: CaptureRecord | null = null;
  private highlights = new Map<string, HighlightRecord>();
  private readonly bar = document.createElement('div');
  private readonly editor: HighlightEditor;
  private readonly toast = new UndoToast();

  constructor(private readonly db: CleanCaptureDb) {
    this.bar.className = 'hl-bar';
    this.bar.id = 'highlight-bar';
    this.bar.hidden = true;
    this.bar.setAttribute('role', 'toolbar');
    this.bar.setAttribute('aria-label', S.highlightShortcut);
    for (const color of HIGHLIGHT_COLORS) {
      const swatch = button(`hl-swatch hl-${color}`, '', S.highlightAs(color));
      swatch.dataset['color'] = color;
      swatch.addEventListener('click', () => void this.highlightSelection(color));
      this.bar.append(swatch);
    }
    const note = button('text-button hl-note-button', S.note, S.noteTitle);
    note.addEventListener('click', () => void this.highlightSelection(DEFAULT_HIGHLIGHT_COLOR, true));
    const copy = button('text-button hl-copy-button', S.copyQuote, S.copyQuote);
    copy.addEventListener('click', () => void this.copyQuote());
    this.bar.append(note, copy);
    // Keep the selection when the bar is pressed.
    this.bar.addEventListener('mousedown', (event) => event.preventDefault());
    this.editor = new HighlightEditor({
      recolor: (id, color) => this.change(() => send('update-highlight', { id, color })),
      saveNote: (id, note) => this.change(() => send('update-highlight', { id, note })),
      remove: (id) => void this.remove(id),
    });
    document.body.append(this.bar, this.editor.element, this.toast.element);
    document.addEventListener('selectionchange', () => requestAnimationFrame(() => this.placeBar()));
    document.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('click', (event) => this.onClick(event));
    window.addEventListener('scroll', () => this.placeBar(), { capture: true, passive: true });
  }

  /** Mark `record`'s highlights in the article just rendered into `target`. */
  async show(target: HTMLElement, record: CaptureRecord): Promise<void> {
    this.target = target;
    this.record = record;
    this.editor.close();
    await this.paint();
  }

  private body(): HTMLElement | null {
    const body = this.target?.querySelector<HTMLElement>('.article-body');
    return body && !body.classList.contains('diff-view') ? body : null;
  }

  private async paint(): Promise<void> {
    const body = this.body();
    const record = this.record;
    if (!body || !record?.id) return;
    const highlights = await highlightsOf(this.db, record.id);
    if (this.record !== record) return;
    this.highlights = new Map(highlights.map((h) => [h.id, h]));
    unmark(body, MARK);
    const { orphans, placed } = placeHighlights(body, highlights, (h, last) => {
      const mark = document.createElement('mark');
      mark.className = `hl hl-${h.color}`;
      mark.dataset['highlightId'] = h.id;
      mark.tabIndex = -1;
      // The note beside its highlight, drawn by CSS from the attribute: it never enters the
      // article's text, so it cannot shift where other highlights are found.
      if (last && h.note) mark.dataset['note'] = h.note;
      return mark;
    });
    body.dataset['highlights'] = String(placed.length);
    this.showOrphans(orphans);
  }

  private showOrphans(orphans: HighlightRecord[]): void {
    this.target?.querySelector('.hl-orphans')?.remove();
    if (!orphans.length || !this.target) return;
    const section = document.createElement('section');
    section.className = 'hl-orphans';
    const title = document.createElement('h2');
    title.textContent = S.orphansTitle;
    const help = document.createElement('p');
    help.className = 'hl-orphans-help';
    help.textContent = S.orphansHelp;
    const list = document.createElement('ul');
    for (const h of orphans) {
      const item = document.createElement('li');
      item.dataset['highlightId'] = h.id;
      const quote = document.createElement('blockquote');
      quote.className = `hl-quote hl-${h.color}`;
      quote.textContent = h.exact;
      item.append(quote);
      if (h.note) item.append(Object.assign(document.createElement('p'), { className: 'hl-orphan-note', textContent: h.note }));
      const remove = button('link-button', S.remove, S.remove);
      remove.addEventListener('click', () => void this.remove(h.id));
      item.append(remove);
      list.append(item);
    }
    section.append(title, help, list);
    this.target.querySelector('.article-body')?.after(section);
  }

  private placeBar(): void {
    const body = this.body();
    const rect = selectionRect();
    if (!body || !rect || !selectedPassage(body)) {
      this.bar.hidden = true;
      return;
    }
    this.bar.hidden = false;
    // Above the selection, else below it, and always inside the window (a fixed bar off screen cannot be reached).
    const above = rect.top - this.bar.offsetHeight - 8;
    const top = above >= 4 ? above : rect.bottom + 8;
    this.bar.style.top = `${Math.max(4, Math.min(window.innerHeight - this.bar.offsetHeight - 4, top))}px`;
    this.bar.style.left = `${Math.max(4, Math.min(window.innerWidth - this.bar.offsetWidth - 4, rect.left + rect.width / 2 - this.bar.offsetWidth / 2))}px`;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'h' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const body = this.body();
    if (!body || !selectedPassage(body)) return;
    event.preventDefault();
    event.stopPropagation();
    void this.highlightSelection(DEFAULT_HIGHLIGHT_COLOR);
  }

  private onClick(event: MouseEvent): void {
    const mark = (event.target as Element | null)?.closest?.(MARK);
    if (!mark || !this.body()?.contains(mark)) return;
    // A click that ends a selection inside a highlight is for the bar, not the editor.
    if (!getSelection()?.isCollapsed) return;
    const highlight = this.highlights.get((mark as HTMLElement).dataset['highlightId'] ?? '');
    if (highlight) this.editor.open(highlight, mark.getBoundingClientRect());
  }

  private async highlightSelection(color: HighlightColor, withNote = false): Promise<void> {
    const body = this.body();
    const passage = body && selectedPassage(body);
    if (!passage || !this.record?.id) return;
    try {
      const { id } = await send('add-highlight', { captureId: this.record.id, ...passage, color });
      getSelection()?.removeAllRanges();
      this.bar.hidden = true;
      await this.paint();
      const highlight = this.highlights.get(id);
      const mark = body.querySelector(`${MARK}[data-highlight-id="${id}"]`);
      if (withNote && highlight && mark) this.editor.open(highlight, mark.getBoundingClientRect(), true);
    } catch (error) {
      this.toast.show(S.failed(userErrorMessage(error)));
    }
  }

  private async copyQuote(): Promise<void> {
    const body = this.body();
    const passage = body && selectedPassage(body);
    if (!passage || !this.record) return;
    const text = `> ${passage.exact.trim().replace(/\s*\n\s*/g, '\n> ')}\n\n— ${this.record.title}, ${this.record.url}`;
    try {
      await navigator.clipboard.writeText(text);
      this.toast.show(S.copied);
    } catch {
      this.toast.show(S.copyFailed);
    }
  }

  private async change(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      await this.paint();
    } catch (error) {
      this.toast.show(S.failed(userErrorMessage(error)));
    }
  }

  private async remove(id: string): Promise<void> {
    this.editor.close();
    await this.change(() => send('delete-highlight', { id }));
    this.toast.show(S.removed, { label: S.undo, run: () => void this.change(() => send('restore-highlight', { id })) });
  }
}

function button(className: string, text: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  return b;
}
