import { describe, expect, it } from 'vitest';
import { diffStats, wordDiff } from '../../../../src/core/library/word-diff';
import { seedCapture, updatedCapture } from '../../fixture-captures';

describe('wordDiff', () => {
  it('marks a corrected word and an added sentence', () => {
    const parts = wordDiff('Harper met Ma on Friday in Hangzhou.', 'Harper met Ma on Saturday in Hangzhou. They spoke for an hour.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['Friday']);
    expect(
      parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('Saturday');
    expect(
      parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('They spoke for an hour.');
    expect(diffStats(parts)).toEqual({ added: 6, removed: 1 });
  });

  it('shows what changed between the seed and its updated fixture, shortening unchanged runs', () => {
    const parts = wordDiff(seedCapture().textContent, updatedCapture().textContent);
    const stats = diffStats(parts);
    const added = parts
      .filter((p) => p.kind === 'added')
      .map((p) => p.text)
      .join(' ');
    expect(added).toContain('Australian beef'); // the corrected sentence
    expect(added).toContain('Xi Jinping on Saturday'); // the added paragraph
    expect(stats.added).toBeGreaterThanOrEqual(13);
    expect(stats.added).toBeLessThanOrEqual(16);
    expect(stats.removed).toBe(0);
    expect(parts.some((p) => p.kind === 'same' && p.text.includes('…'))).toBe(true);
    const shown = parts.map((p) => p.text).join('').length;
    expect(shown).toBeLessThan(updatedCapture().textContent.length);
  });

  it('answers one unchanged part for identical texts', () => {
    expect(wordDiff('a b c', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }]);
  });
});
