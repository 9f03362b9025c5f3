import browser from 'webextension-polyfill';
import type { OptionsSection } from '../section';
import { t } from '../../platform/i18n';

export const generalSection: OptionsSection = {
  id: 'general',
  title: t('sectionSaving'),
  render(body, settings, save) {
    const label = document.createElement('label');
    label.className = 'option';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'save-on-popup-open';
    box.checked = settings.saveOnPopupOpen;
    box.addEventListener('change', () => void save({ saveOnPopupOpen: box.checked }));
    label.append(box, ` ${t('saveOnPopupOpen')}`);
    const shortcuts = document.createElement('p');
    shortcuts.className = 'hint';
    const isFirefox = __BROWSER__ === 'firefox';
    shortcuts.textContent = isFirefox ? t('shortcutHintFirefox') : t('shortcutHintChrome');
    if (!isFirefox) {
      const link = document.createElement('button');
      link.className = 'link-button';
      link.textContent = t('openShortcutSettings');
      link.addEventListener('click', () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }));
      shortcuts.append(' ', link);
    }
    body.append(label, shortcuts);
  },
};
