/** A short message at the bottom of the page, with an optional action (Undo) while it shows. */
export class UndoToast {
  readonly element = document.createElement('div');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly showMs = 8000) {
    this.element.className = 'hl-toast';
    this.element.id = 'highlight-toast';
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
  }

  show(text: string, action?: { label: string; run: () => void }): void {
    clearTimeout(this.timer);
    const label = document.createElement('span');
    label.textContent = text;
    this.element.replaceChildren(label);
    if (action) {
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.className = 'link-button hl-undo';
      undo.textContent = action.label;
      undo.addEventListener('click', () => {
        this.element.hidden = true;
        action.run();
      });
      this.element.append(undo);
    }
    this.element.hidden = false;
    this.timer = setTimeout(() => (this.element.hidden = true), this.showMs);
  }
}
