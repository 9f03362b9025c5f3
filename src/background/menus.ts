import browser from 'webextension-polyfill';

export const MENU_SAVE_ARTICLE = 'save-article';
export const MENU_SAVE_SELECTION = 'save-selection';
export const MENU_HIGHLIGHT_SELECTION = 'highlight-selection';
export const MENU_OPEN_LIBRARY = 'open-library';

/** Context menu: "Save article" on a page, "Save selection" and "Highlight selection" on selected text, "Open library" on the toolbar button. */
export function createMenus(): void {
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: MENU_SAVE_ARTICLE, title: 'Save article', contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_SAVE_SELECTION, title: 'Save selection', contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_HIGHLIGHT_SELECTION, title: 'Highlight selection', contexts: ['selection'] });
      // The toolbar button's own menu (right-click on it): the full-page library (issue 17).
      browser.contextMenus.create({ id: MENU_OPEN_LIBRARY, title: 'Open library', contexts: ['action'] });
    })
    .catch(() => {});
}
