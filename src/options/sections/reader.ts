import type { Settings } from '../../core/shared/settings';
import type { OptionsSection } from '../section';
import { t } from '../../platform/i18n';

type Key = 'readerTheme' | 'readerFont' | 'readerSize' | 'readerWidth';
/** The choices with their words, read when the section is built. */
const choices = (): { key: Key; label: string; options: [string, string][] }[] => [
  {
    key: 'readerTheme',
    label: t('lookTheme'),
    options: [
      ['system', t('optionThemeSystem')],
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
  {
    key: 'readerSize',
    label: t('optionTextSize'),
    options: [
      ['S', t('optionSizeSmall')],
      ['M', t('optionSizeMedium')],
      ['L', t('optionSizeLarge')],
      ['XL', t('optionSizeExtraLarge')],
    ],
  },
  {
    key: 'readerWidth',
    label: t('optionLineWidth'),
    options: [
      ['narrow', t('lookWidthNarrow')],
      ['medium', t('optionWidthMedium')],
      ['wide', t('lookWidthWide')],
    ],
  },
];

/** The reader's look (also changed from the reader's "Aa" button; both save the same settings). */
export const readerSection: OptionsSection = {
  id: 'reader',
  title: t('sectionReader'),
  render(body, settings, save) {
    for (const choice of choices()) {
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
    hint.textContent = t('readerKeysHint');
    body.append(hint);
  },
};
