import { describe, expect, it } from 'vitest';
import { collapseWhitespace, countWords } from '../../../../src/core/shared/text';

describe('countWords', () => {
  it('counts words, keeping contractions whole', () => {
    expect(countWords("It's the reporter’s 2nd try, isn't it?")).toBe(7);
    expect(countWords('')).toBe(0);
    expect(countWords('  — … ')).toBe(0);
  });

  it('counts CJK per character and splits words at them', () => {
    expect(countWords('新华社北京')).toBe(5);
    expect(countWords('abc新def')).toBe(3);
    expect(countWords("abc'中def 한국어 text")).toBe(7);
  });

  it('gives the same count when called again (no regex state leaks between calls)', () => {
    const text = 'one two three 四五';
    expect(countWords(text)).toBe(5);
    expect(countWords(text)).toBe(5);
  });
});

describe('collapseWhitespace', () => {
  it('is replace(/\\s+/g, " ").trim() on every kind of whitespace run', () => {
    const pieces = ['a', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '\u3000', 'bc', '\r\n'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = 0; j < 8; j++) text += pieces[(i * 7 + j * 13 + ((i >> j) & 3)) % pieces.length];
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});
