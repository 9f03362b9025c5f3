import browser from 'webextension-polyfill';
import { t } from '../platform/i18n';

export const MENU_SAVE_ARTICLE = 'save-article';
export const MENU_SAVE_SELECTION = 'save-selection';
export const MENU_HIGHLIGHT_SELECTION = 'highlight-selection';
export const MENU_OPEN_LIBRARY = 'open-library';

/** Context menu: "Save article" on a page, "Save selection" and "Highlight selection" on selected text, "Open library" on the toolbar button. */
export function createMenus(): void {
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: MENU_SAVE_ARTICLE, title: t('menuSaveArticle'), contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_SAVE_SELECTION, title: t('menuSaveSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_HIGHLIGHT_SELECTION, title: t('menuHighlightSelection'), contexts: ['selection'] });
      // The toolbar button's own menu (right-click on it): the full-page library (issue 17).
      browser.contextMenus.create({ id: MENU_OPEN_LIBRARY, title: t('menuOpenLibrary'), contexts: ['action'] });
    })
    .catch(() => {});
}
