import type { Settings } from '../core/shared/settings';

/**
 * One block of the options page. Each feature contributes a section (general, reader, images,
 * export, storage, backup…) listed in sections/index.ts; the page renders them in order.
 */
export interface OptionsSection {
  id: string;
  title: string;
  /** Build the section's controls into `body`; `save` persists a settings patch. */
  render(body: HTMLElement, settings: Settings, save: (patch: Partial<Settings>) => Promise<void>): void | Promise<void>;
}

/** A section's action button, styled like every other on the page (a bordered text button). */
export function actionButton(id: string, text: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.id = id;
  button.type = 'button';
  button.className = 'text-button bordered';
  button.textContent = text;
  return button;
}
