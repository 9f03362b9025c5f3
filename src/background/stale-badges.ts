/**
 * A "…" badge left from a capture the browser cut short (the service worker / event page was stopped
 * mid-capture) would stay on its tab for good, since only the capture that set it clears it. When the
 * background starts, no capture of ours is running except those this instance began: every other "…"
 * is stale and is cleared, with its "saving…" tooltip.
 */
export interface BadgeApi {
  queryTabIds(): Promise<number[]>;
  getBadgeText(tabId: number): Promise<string>;
  setBadgeText(tabId: number, text: string): Promise<void>;
  setTitle(tabId: number, title: string): Promise<void>;
}

export const SAVING_TEXT = '…';
/** The toolbar button's own tooltip in English; the background passes the one in the UI's language. */
export const DEFAULT_TITLE = 'Save article (Clean Capture)';

/** Clears stale "…" badges; `busy(tabId)` says a capture of this instance is running there. Returns the tabs cleared. */
export async function clearStaleBadges(api: BadgeApi, busy: (tabId: number) => boolean, defaultTitle = DEFAULT_TITLE): Promise<number[]> {
  const cleared: number[] = [];
  const ids = await api.queryTabIds().catch(() => [] as number[]);
  await Promise.all(
    ids.map(async (tabId) => {
      try {
        if ((await api.getBadgeText(tabId)) !== SAVING_TEXT || busy(tabId)) return;
        await api.setBadgeText(tabId, '');
        await api.setTitle(tabId, defaultTitle);
        cleared.push(tabId);
      } catch {
        // the tab closed meanwhile
      }
    }),
  );
  return cleared.sort((a, b) => a - b);
}
