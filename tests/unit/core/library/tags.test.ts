import { describe, expect, it } from 'vitest';
import { countTags, retagged, suggestTags } from '../../../../src/core/library/tags';

describe('retagged', () => {
  it('renames a tag in place', () => {
    expect(retagged(['a', 'world', 'b'], 'world', 'news')).toEqual(['a', 'news', 'b']);
  });
  it('merges into a tag the record already has (no tag twice)', () => {
    expect(retagged(['news', 'world'], 'world', 'news')).toEqual(['news']);
  });
  it('deletes a tag with null, keeping the others', () => {
    expect(retagged(['news', 'world'], 'world', null)).toEqual(['news']);
  });
  it('leaves records without the tag unchanged', () => {
    expect(retagged(['x'], 'world', 'news')).toEqual(['x']);
  });
});

describe('countTags and suggestTags', () => {
  const all = countTags([['news', 'new york'], ['news'], ['tech', 'newsletters'], []]);
  it('counts each tag, most used first, then by name', () => {
    expect(all).toEqual([
      { tag: 'news', count: 2 },
      { tag: 'new york', count: 1 },
      { tag: 'newsletters', count: 1 },
      { tag: 'tech', count: 1 },
    ]);
  });
  it('suggests tags starting with what was typed first, then containing it, none already chosen', () => {
    expect(suggestTags(all, 'new')).toEqual(['news', 'new york', 'newsletters']);
    expect(suggestTags(all, 'ec')).toEqual(['tech']);
    expect(suggestTags(all, 'new', ['news'])).toEqual(['new york', 'newsletters']);
    expect(suggestTags(all, '', [], 2)).toEqual(['news', 'new york']);
  });
});
