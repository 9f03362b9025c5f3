import browser from 'webextension-polyfill';
import { t } from '../platform/i18n';
import { clearStaleBadges } from './stale-badges';

/** Toolbar badge per tab: "…" while saving, "✓" for 2 s after, "!" on failure (tooltip says why). */
export type BadgeState = 'saving' | 'saved' | 'already-saved' | 'updated' | 'failed';

const LOOK: Record<BadgeState, { text: string; color: string }> = {
  saving: { text: '…', color: '#5f6368' },
  saved: { text: '✓', color: '#137333' },
  'already-saved': { text: '✓', color: '#1a73e8' },
  updated: { text: '✓', color: '#1a73e8' },
  failed: { text: '!', color: '#c5221f' },
};

/** The toolbar button's tooltip for a state, in the UI's language (read when shown, issue 17). */
function titleOf(state: BadgeState): string {
  switch (state) {
    case 'saving':
      return t('badgeSaving');
    case 'saved':
      return t('badgeSaved');
    case 'already-saved':
      return t('badgeAlreadySaved');
    case 'updated':
      return t('badgeUpdated');
    case 'failed':
      return t('badgeFailed');
  }
}

const clearTimers = new Map<number, ReturnType<typeof setTimeout>>();
/** Tabs whose capture this background instance is running (their "…" is not stale). */
const saving = new Set<number>();

export const isSaving = (tabId: number): boolean => saving.has(tabId);

export async function showBadge(tabId: number, state: BadgeState, detail?: string): Promise<void> {
  const look = LOOK[state];
  if (state === 'saving') saving.add(tabId);
  else saving.delete(tabId);
  clearTimeout(clearTimers.get(tabId));
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: look.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      browser.action.setTitle({ tabId, title: detail ? `${titleOf(state)}: ${detail}` : titleOf(state) }),
    ]);
  } catch {
    return; // the tab closed meanwhile: nothing to show
  }
  if (state !== 'saving' && state !== 'failed') {
    clearTimers.set(
      tabId,
      setTimeout(() => void browser.action.setBadgeText({ tabId, text: '' }).catch(() => {}), 2000),
    );
  }
}

/** On start: clear "…" badges a stopped background left behind (see stale-badges.ts). */
export function clearStaleSavingBadges(): Promise<number[]> {
  return clearStaleBadges(
    {
      queryTabIds: async () => (await browser.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined),
      getBadgeText: (tabId) => browser.action.getBadgeText({ tabId }),
      setBadgeText: (tabId, text) => browser.action.setBadgeText({ tabId, text }),
      setTitle: (tabId, title) => browser.action.setTitle({ tabId, title }),
    },
    isSaving,
    t('actionTitle'),
  );
}
