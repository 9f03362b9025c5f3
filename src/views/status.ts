/** The strip at the top of the popup: what happened to the current tab, with one action. */
export interface StatusAction {
  label: string;
  run: () => void;
}

export function showStatus(kind: 'busy' | 'ok' | 'error', text: string, action?: StatusAction): void {
  const strip = document.getElementById('status')!;
  const label = document.getElementById('status-text')!;
  const button = document.getElementById('status-action') as HTMLButtonElement;
  strip.hidden = false;
  strip.dataset['kind'] = kind;
  label.textContent = text;
  label.title = text;
  button.hidden = !action;
  button.onclick = action ? () => action.run() : null;
  button.textContent = action?.label ?? '';
}

export function hideStatus(): void {
  document.getElementById('status')!.hidden = true;
}
