import { describe, expect, it } from 'vitest';
import { BAND_COUNT, lshBands, minHash, SAME_STORY_THRESHOLD, similarity } from '../../../../src/core/library/fingerprint';
import { seedCapture, syndicatedCapture, updatedCapture } from '../../fixture-captures';
import { paragraphs } from '../../helpers';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('MinHash same-story signature', () => {
  const seed = minHash(seedCapture().textContent);
  const syndicated = minHash(syndicatedCapture().textContent);
  const updated = minHash(updatedCapture().textContent);

  it('scores the syndicated copy of the seed (other site, title, dateline, a paragraph missing) above the threshold', () => {
    const score = similarity(seed, syndicated);
    expect(score).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(score).toBeLessThan(0.9); // it is not the same text
  });

  it('scores the corrected version of the seed higher still', () => {
    expect(similarity(seed, updated)).toBeGreaterThan(0.85);
  });

  it('keeps unrelated articles far below the threshold', () => {
    const harbour = minHash(text(paragraphs(30, 'the harbour reopening after the storm')));
    const election = minHash(
      'The city council voted on Tuesday to delay the election of a new mayor until spring, citing a dispute over ballots. '.repeat(3) +
        'Opposition members said the delay was unlawful and promised to appeal to the regional court within a week.',
    );
    expect(similarity(seed, harbour)).toBeLessThan(0.1);
    expect(similarity(seed, election)).toBeLessThan(0.1);
    expect(similarity(syndicated, election)).toBeLessThan(0.1);
  });

  it('is deterministic and order-sensitive only through shingles', () => {
    expect(minHash(seedCapture().textContent)).toEqual(seed);
    expect(similarity(seed, seed)).toBe(1);
    expect(minHash('')).toEqual(new Array(64).fill(0xffffffff));
    expect(similarity(minHash(''), minHash(''))).toBe(0);
  });

  it('gives near-duplicates a shared LSH band, so the index finds them', () => {
    const a = new Set(lshBands(seed));
    expect(lshBands(seed)).toHaveLength(BAND_COUNT);
    expect(lshBands(syndicated).some((band) => a.has(band))).toBe(true);
    expect(lshBands(updated).some((band) => a.has(band))).toBe(true);
    expect(lshBands(minHash(''))).toEqual([]);
  });
});
