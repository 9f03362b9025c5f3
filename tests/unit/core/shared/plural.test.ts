import { describe, expect, it } from 'vitest';
import { plural } from '../../../../src/core/shared/plural';

describe('plural', () => {
  it('says the count with its noun, singular only for one', () => {
    expect([plural(0, 'article'), plural(1, 'article'), plural(2, 'stored image')]).toEqual(['0 articles', '1 article', '2 stored images']);
  });
});
