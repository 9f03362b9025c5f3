import browser from 'webextension-polyfill';
import { MessageError } from '../messages';
import { userErrorMessage } from '../views/error-text';
import { send } from '../platform/messaging';
import { hideStatus, showStatus } from '../views/status';
import { offerHostAccess } from './host-access-prompt';
import { errorMessage } from '../core/shared/errors';
import { t } from '../platform/i18n';

/**
 * Opening the popup saves the current tab (like Pocket). `?tab=N` names the tab instead: the
 * popup opened as a page (tests, or a keyboard user) then acts on that tab.
 */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // The popup opened as a tab of its own has nothing to save.
  if (tab?.url?.startsWith(browser.runtime.getURL(''))) return undefined;
  return tab?.id;
}

export async function saveCurrentTab(refresh: () => Promise<void>, open: (id: number) => Promise<void>): Promise<void> {
  const tabId = await targetTabId();
  if (tabId === undefined) return;
  showStatus('busy', t('saving'));
  try {
    const outcome = await send('capture', { tabId });
    await refresh();
    offerHostAccess(outcome, () => send('capture', { tabId }));
    // Near-duplicates are grouped, never merged: say so, so the user knows both are kept.
    const story = outcome.sameStoryAs ? t('savedSameStory', outcome.sameStoryAs.title, outcome.sameStoryAs.site) : '';
    if (outcome.status === 'saved') {
      showStatus('ok', `✓ ${t('savedTitle', outcome.title)}${story}`, {
        label: t('undo'),
        run: async () => {
          await send('delete-capture', { id: outcome.id });
          hideStatus();
          await refresh();
        },
      });
    } else {
      showStatus('ok', outcome.status === 'updated' ? t('savedUpdated', outcome.title) : t('savedAlready', outcome.title), {
        label: t('view'),
        run: () => void open(outcome.id),
      });
    }
  } catch (error) {
    const message = error instanceof MessageError ? userErrorMessage(error) : t('savingFailed', errorMessage(error));
    showStatus('error', t('cannotSave', message));
  }
}
