import { describe, expect, it } from 'vitest';
import { PartAssembler } from '../../../src/background/upload-parts';

describe('PartAssembler', () => {
  it('joins parts in order and answers only after the last', () => {
    const a = new PartAssembler();
    expect(a.add('u1', 0, 3, 'ab')).toBeNull();
    expect(a.add('u1', 1, 3, 'cd')).toBeNull();
    expect(a.add('u1', 2, 3, 'e')).toBe('abcde');
    expect(a.add('u2', 0, 1, 'one')).toBe('one');
  });

  it('refuses a missing part and a part of an unknown upload', () => {
    const a = new PartAssembler();
    a.add('u1', 0, 3, 'ab');
    expect(() => a.add('u1', 2, 3, 'e')).toThrow(/interrupted/);
    expect(() => a.add('u3', 1, 2, 'x')).toThrow(/interrupted/);
    expect(() => a.add('u4', 5, 2, 'x')).toThrow(/not a valid part/);
  });

  it('a new upload replaces an unfinished one', () => {
    const a = new PartAssembler();
    a.add('u1', 0, 2, 'old');
    a.add('u2', 0, 2, 'new ');
    expect(a.add('u2', 1, 2, 'file')).toBe('new file');
  });
});
