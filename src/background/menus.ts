import browser from 'webextension-polyfill';

export const MENU_SAVE_ARTICLE = 'save-article';
export const MENU_SAVE_SELECTION = 'save-selection';

/** Context menu: "Save article" on a page, "Save selection" on selected text. */
export function createMenus(): void {
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: MENU_SAVE_ARTICLE, title: 'Save article', contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_SAVE_SELECTION, title: 'Save selection', contexts: ['selection'] });
    })
    .catch(() => {});
}
