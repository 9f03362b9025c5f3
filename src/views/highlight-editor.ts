import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, type HighlightColor } from '../core/highlights/highlight';
import type { HighlightRecord } from '../storage/records';
import { HIGHLIGHT_STRINGS as S } from './highlight-strings';

export interface EditorActions {
  recolor(id: string, color: HighlightColor): void;
  saveNote(id: string, note: string): void;
  remove(id: string): void;
}

/** The small panel a click on a highlight opens: recolour, its note (plain text), remove. */
export class HighlightEditor {
  readonly element = document.createElement('div');
  private readonly note = document.createElement('textarea');
  private current: HighlightRecord | null = null;

  constructor(private readonly actions: EditorActions) {
    const e = this.element;
    e.className = 'hl-editor';
    e.id = 'highlight-editor';
    e.hidden = true;
    e.setAttribute('role', 'dialog');
    e.setAttribute('aria-label', S.editorLabel);
    const colors = document.createElement('div');
    colors.className = 'hl-editor-colors';
    for (const color of HIGHLIGHT_COLORS) {
      const swatch = document.createElement('button');
      swatch.type = 'button';
      swatch.className = `hl-swatch hl-${color}`;
      swatch.dataset['color'] = color;
      swatch.title = S.recolor(color);
      swatch.setAttribute('aria-label', swatch.title);
      swatch.addEventListener('click', () => {
        if (this.current) this.actions.recolor(this.current.id, color);
        this.close();
      });
      colors.append(swatch);
    }
    this.note.className = 'hl-note-input';
    this.note.maxLength = MAX_NOTE_CHARS;
    this.note.rows = 3;
    this.note.placeholder = S.notePlaceholder;
    this.note.setAttribute('aria-label', S.noteLabel);
    const row = document.createElement('div');
    row.className = 'hl-editor-actions';
    const save = textButton('hl-save-note', S.saveNote);
    save.addEventListener('click', () => {
      if (this.current) this.actions.saveNote(this.current.id, this.note.value);
      this.close();
    });
    const remove = textButton('hl-remove', S.remove);
    remove.addEventListener('click', () => this.current && this.actions.remove(this.current.id));
    const close = textButton('hl-close', S.close);
    close.addEventListener('click', () => this.close());
    row.append(save, remove, close);
    e.append(colors, this.note, row);
    e.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
      event.stopPropagation();
    });
  }

  open(highlight: HighlightRecord, near: DOMRect, focusNote = false): void {
    this.current = highlight;
    this.note.value = highlight.note;
    for (const swatch of this.element.querySelectorAll<HTMLElement>('.hl-swatch'))
      swatch.setAttribute('aria-pressed', String(swatch.dataset['color'] === highlight.color));
    this.element.hidden = false;
    const top = near.bottom + 6;
    this.element.style.top = `${Math.min(window.innerHeight - this.element.offsetHeight - 4, top)}px`;
    this.element.style.left = `${Math.max(4, Math.min(window.innerWidth - this.element.offsetWidth - 4, near.left))}px`;
    (focusNote ? this.note : this.element.querySelector<HTMLElement>('.hl-swatch'))?.focus();
  }

  close(): void {
    this.current = null;
    this.element.hidden = true;
  }
}

function textButton(className: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `text-button ${className}`;
  b.textContent = text;
  return b;
}
