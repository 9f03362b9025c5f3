import type { ReaderFont, ReaderSize, ReaderTheme, ReaderWidth, Settings } from '../core/shared/settings';
import { saveSettings } from '../platform/settings-store';
import { t } from '../platform/i18n';

/**
 * The reader's look (theme, font, size, width), remembered in settings for every article and
 * applied as data attributes on <html> that the CSS reads (issue #6).
 */
type Look = Pick<Settings, 'readerTheme' | 'readerFont' | 'readerSize' | 'readerWidth'>;

export function applyLook(look: Look, root: HTMLElement = document.documentElement): void {
  root.dataset['theme'] = look.readerTheme;
  root.dataset['font'] = look.readerFont;
  root.dataset['size'] = look.readerSize;
  root.dataset['width'] = look.readerWidth;
}

const SIZES: ReaderSize[] = ['S', 'M', 'L', 'XL'];

/** The choices with their words, read when the panel is built (the UI language is known by then). */
const choices = (): { key: keyof Look; label: string; options: [string, string][] }[] => [
  {
    key: 'readerTheme',
    label: t('lookTheme'),
    options: [
      ['system', t('lookThemeAuto')],
      ['light', t('lookThemeLight')],
      ['sepia', t('lookThemeSepia')],
      ['dark', t('lookThemeDark')],
    ],
  },
  {
    key: 'readerFont',
    label: t('lookFont'),
    options: [
      ['serif', t('lookFontSerif')],
      ['sans', t('lookFontSans')],
    ],
  },
  { key: 'readerSize', label: t('lookSize'), options: SIZES.map((s) => [s, s]) },
  {
    key: 'readerWidth',
    label: t('lookWidth'),
    options: [
      ['narrow', t('lookWidthNarrow')],
      ['medium', t('lookWidthMedium')],
      ['wide', t('lookWidthWide')],
    ],
  },
];

/** The "Aa" panel: one row of toggle buttons per choice; a change applies at once and is saved. */
export function buildLookPanel(panel: HTMLElement, initial: Look, onChange?: (look: Look) => void): { step(delta: number): void } {
  let look = { ...initial };
  const buttons: HTMLButtonElement[] = [];
  const set = (patch: Partial<Look>) => {
    look = { ...look, ...patch };
    applyLook(look);
    for (const b of buttons) b.setAttribute('aria-pressed', String(look[b.dataset['key'] as keyof Look] === b.dataset['value']));
    void saveSettings(patch);
    onChange?.(look);
  };
  panel.replaceChildren();
  for (const choice of choices()) {
    const row = document.createElement('div');
    row.className = 'look-row';
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', choice.label);
    const label = document.createElement('span');
    label.className = 'look-label';
    label.textContent = choice.label;
    row.append(label);
    for (const [value, text] of choice.options) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'look-option';
      button.textContent = text;
      button.dataset['key'] = choice.key;
      button.dataset['value'] = value;
      button.setAttribute('aria-pressed', String(look[choice.key] === value));
      button.addEventListener('click', () => set({ [choice.key]: value } as Partial<Look>));
      buttons.push(button);
      row.append(button);
    }
    panel.append(row);
  }
  applyLook(look);
  return {
    /** Keyboard + / −: one size up or down. */
    step(delta) {
      const next = SIZES[Math.min(SIZES.length - 1, Math.max(0, SIZES.indexOf(look.readerSize) + delta))]!;
      if (next !== look.readerSize) set({ readerSize: next });
    },
  };
}

export type { ReaderFont, ReaderSize, ReaderTheme, ReaderWidth };
