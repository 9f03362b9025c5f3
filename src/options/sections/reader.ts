import type { Settings } from '../../core/shared/settings';
import type { OptionsSection } from '../section';

type Key = 'readerTheme' | 'readerFont' | 'readerSize' | 'readerWidth';
const CHOICES: { key: Key; label: string; options: [string, string][] }[] = [
  {
    key: 'readerTheme',
    label: 'Theme',
    options: [
      ['system', 'Follow the system'],
      ['light', 'Light'],
      ['sepia', 'Sepia'],
      ['dark', 'Dark'],
    ],
  },
  {
    key: 'readerFont',
    label: 'Font',
    options: [
      ['serif', 'Serif'],
      ['sans', 'Sans-serif'],
    ],
  },
  {
    key: 'readerSize',
    label: 'Text size',
    options: [
      ['S', 'Small'],
      ['M', 'Medium'],
      ['L', 'Large'],
      ['XL', 'Extra large'],
    ],
  },
  {
    key: 'readerWidth',
    label: 'Line width',
    options: [
      ['narrow', 'Narrow'],
      ['medium', 'Medium (about 70 characters)'],
      ['wide', 'Wide'],
    ],
  },
];

/** The reader's look (also changed from the reader's "Aa" button; both save the same settings). */
export const readerSection: OptionsSection = {
  id: 'reader',
  title: 'Reader',
  render(body, settings, save) {
    for (const choice of CHOICES) {
      const row = document.createElement('label');
      row.className = 'option';
      const select = document.createElement('select');
      select.id = `option-${choice.key}`;
      for (const [value, text] of choice.options) select.append(new Option(text, value, false, settings[choice.key] === value));
      select.addEventListener('change', () => void save({ [choice.key]: select.value } as Partial<Settings>));
      row.append(`${choice.label} `, select);
      body.append(row);
    }
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'In the reader: j/k or ↑/↓ scroll, Space pages down, + and − change the text size, Esc goes back.';
    body.append(hint);
  },
};
