import { describe, expect, it } from 'vitest';
import { clearStaleBadges, DEFAULT_TITLE, type BadgeApi } from '../../../src/background/stale-badges';

function fakeApi(badges: Record<number, string>, closing: number[] = []) {
  const titles: Record<number, string> = {};
  const api: BadgeApi = {
    queryTabIds: async () => Object.keys(badges).map(Number),
    getBadgeText: async (id) => {
      if (closing.includes(id)) throw new Error('No tab with id');
      return badges[id] ?? '';
    },
    setBadgeText: async (id, text) => {
      badges[id] = text;
    },
    setTitle: async (id, title) => {
      titles[id] = title;
    },
  };
  return { api, badges, titles };
}

describe('clearStaleBadges (background start after a stopped service worker)', () => {
  it('clears every "…" left behind, with its tooltip, and leaves ✓ and ! alone', async () => {
    const { api, badges, titles } = fakeApi({ 1: '…', 2: '✓', 3: '!', 4: '…', 5: '' });
    expect(await clearStaleBadges(api, () => false)).toEqual([1, 4]);
    expect(badges).toEqual({ 1: '', 2: '✓', 3: '!', 4: '', 5: '' });
    expect(titles).toEqual({ 1: DEFAULT_TITLE, 4: DEFAULT_TITLE });
  });

  it('keeps the "…" of a capture this instance is running', async () => {
    const { api, badges } = fakeApi({ 1: '…', 2: '…' });
    expect(await clearStaleBadges(api, (id) => id === 2)).toEqual([1]);
    expect(badges).toEqual({ 1: '', 2: '…' });
  });

  it('a tab closing meanwhile, or no tabs API answer, is not an error', async () => {
    const { api } = fakeApi({ 1: '…', 2: '…' }, [1]);
    expect(await clearStaleBadges(api, () => false)).toEqual([2]);
    expect(await clearStaleBadges({ ...api, queryTabIds: () => Promise.reject(new Error('x')) }, () => false)).toEqual([]);
  });
});
