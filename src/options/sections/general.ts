import browser from 'webextension-polyfill';
import type { OptionsSection } from '../section';

export const generalSection: OptionsSection = {
  id: 'general',
  title: 'Saving',
  render(body, settings, save) {
    const label = document.createElement('label');
    label.className = 'option';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'save-on-popup-open';
    box.checked = settings.saveOnPopupOpen;
    box.addEventListener('change', () => void save({ saveOnPopupOpen: box.checked }));
    label.append(box, ' Save the current page when the popup opens');
    const shortcuts = document.createElement('p');
    shortcuts.className = 'hint';
    const isFirefox = __BROWSER__ === 'firefox';
    shortcuts.textContent = isFirefox
      ? 'Keyboard shortcut: Alt+Shift+S. Change it in Add-ons → ⚙ → Manage Extension Shortcuts.'
      : 'Keyboard shortcut: Alt+Shift+S. Change it at chrome://extensions/shortcuts.';
    if (!isFirefox) {
      const link = document.createElement('button');
      link.className = 'link-button';
      link.textContent = 'Open shortcut settings';
      link.addEventListener('click', () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }));
      shortcuts.append(' ', link);
    }
    body.append(label, shortcuts);
  },
};
