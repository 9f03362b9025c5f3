import { describe, expect, it } from 'vitest';
import { exportFileNames } from '../../../../src/core/export/export-names';
import { safeBaseName, UniqueNames } from '../../../../src/core/export/filename';
import type { SavedArticle } from '../../../../src/core/shared/capture';
import { makeCapture } from '../../helpers';

const art = (o: Partial<SavedArticle> & { capturedAt: string }): SavedArticle => ({ ...makeCapture(o), ...o });

const bytes = (s: string) => new TextEncoder().encode(s).length;
/** A lone surrogate: what cutting an emoji in half leaves. */
const hasBrokenSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** What every result must be, whatever the input. */
function expectSafe(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  // eslint-disable-next-line no-control-regex -- asserts that no control character survives
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
  expect(name).not.toMatch(/^[.~\s]/);
  expect(name).not.toMatch(/[.\s]$/);
  expect(bytes(name)).toBeLessThanOrEqual(180);
  expect(hasBrokenSurrogate(name)).toBe(false);
  expect(name).toBe(name.normalize('NFC'));
  expect(WINDOWS_RESERVED.test(name.trim())).toBe(false);
}

describe('safeBaseName', () => {
  it.each([
    ['reserved characters', 'a<b>c:d"e/f\\g|h?i*j', 'a b c d e f g h i j'],
    ['control characters', 'one\u0000two\u0007three\u001f\u007ffour', 'one two three four'],
    ['newlines and tabs', 'line\none\ttab', 'line one tab'],
    ['leading dots', '...hidden', 'hidden'],
    ['leading tilde', '~temp', 'temp'],
    ['trailing dots and spaces', 'title. . .  ', 'title'],
    ['runs of spaces collapsed', 'a    b', 'a b'],
  ])('strips %s', (_label, input, expected) => {
    const name = safeBaseName(input);
    expect(name).toBe(expected);
    expectSafe(name);
  });

  it.each(['CON', 'con', 'nul.txt', 'NUL.tar.gz', 'COM1', 'LPT9', 'aux', 'PRN', 'com¹', 'CON ', ' lpt1'])('makes reserved device name %j safe', (input) => {
    const name = safeBaseName(input);
    expectSafe(name);
    expect(name.toLowerCase()).toContain(input.trim().toLowerCase().split('.')[0]);
  });

  it('leaves names that merely start like device names alone', () => {
    expect(safeBaseName('Console wars')).toBe('Console wars');
    expect(safeBaseName('COM10')).toBe('COM10');
    expect(safeBaseName('auxiliary')).toBe('auxiliary');
  });

  it('normalizes to NFC (decomposed é becomes composed)', () => {
    const decomposed = 'Caf\u0065\u0301 cre\u0300me';
    const name = safeBaseName(decomposed);
    expect(name).toBe('Caf\u00e9 cr\u00e8me');
    expect(name).not.toContain('\u0301');
  });

  it.each([
    ['ASCII', 'a'.repeat(400)],
    ['CJK', '中文标题'.repeat(100)],
    ['emoji', '😀'.repeat(200)],
    ['mixed', `${'Breaking news 🚢 港口重新开放 '.repeat(30)}`],
    ['emoji straddling the limit', `${'a'.repeat(178)}😀😀`],
    ['CJK straddling the limit', `${'a'.repeat(179)}中中`],
  ])('bounds %s to 180 UTF-8 bytes without breaking a character', (_label, input) => {
    const name = safeBaseName(input);
    expectSafe(name);
    expect(bytes(name)).toBeGreaterThan(160); // cut near the limit, not far below it
    expect(input.normalize('NFC').startsWith(name.trimEnd())).toBe(true);
  });

  it('stays within 180 bytes when a long name starts with a device name', () => {
    const name = safeBaseName(`CON.${'a'.repeat(300)}`);
    expectSafe(name);
    expect(name.toLowerCase()).toContain('con.');
  });

  it.each(['', '   ', '...', '~~~', '<>:"/\\|?*', '\u0000\u0001', '. . .'])('is never empty (%j)', (input) => {
    const name = safeBaseName(input);
    expectSafe(name);
    expect(name).toBe('article');
  });

  it('uses the given fallback', () => {
    expect(safeBaseName('???', 'untitled')).toBe('untitled');
  });
});

describe('UniqueNames', () => {
  it('numbers repeats: "a.md", "a (2).md", "a (3).md"', () => {
    const names = new UniqueNames();
    expect(names.take('a', 'md')).toBe('a.md');
    expect(names.take('a', 'md')).toBe('a (2).md');
    expect(names.take('a', 'md')).toBe('a (3).md');
    expect(names.take('b', 'md')).toBe('b.md');
  });

  it('treats names differing only in case as a clash', () => {
    const names = new UniqueNames();
    const first = names.take('Harbour News', 'md');
    const second = names.take('HARBOUR NEWS', 'md');
    expect(first).toBe('Harbour News.md');
    expect(second.toLowerCase()).not.toBe(first.toLowerCase());
    expect(second).toBe('HARBOUR NEWS (2).md');
  });

  it('makes the base safe before numbering', () => {
    const names = new UniqueNames();
    expect(names.take('a/b', 'md')).toBe('a b.md');
    expect(names.take('a:b', 'md')).toBe('a b (2).md');
  });
});

describe('exportFileNames', () => {
  it('uses "{date} {title}" with the published date, else the capture date', () => {
    const names = exportFileNames([
      art({ title: 'Harbour reopens', published: '2014-11-08T09:04', capturedAt: '2024-01-02T03:04:05.000Z' }),
      art({ title: 'No date given', published: null, capturedAt: '2024-01-02T03:04:05.000Z' }),
    ]);
    expect(names).toEqual(['2014-11-08 Harbour reopens.md', '2024-01-02 No date given.md']);
  });

  it('keeps names unique and safe, in order', () => {
    const names = exportFileNames(
      [
        art({ title: 'Q&A: what now?', published: '2014-11-08', capturedAt: 'x' }),
        art({ title: 'Q&A: what now?', published: '2014-11-08', capturedAt: 'x' }),
        art({ title: 'q&a: WHAT NOW?', published: '2014-11-08', capturedAt: 'x' }),
      ],
      'html',
    );
    expect(names).toEqual(['2014-11-08 Q&A what now.html', '2014-11-08 Q&A what now (2).html', '2014-11-08 q&a WHAT NOW (3).html']);
  });

  it('a name is the date and the title', () => {
    expect(exportFileNames([art({ title: 'T', published: '2014-11-08T09:04:00+08:00', capturedAt: '2024-01-01' })], 'md')).toEqual(['2014-11-08 T.md']);
  });

  it('follows a template, and names from it stay safe and unique', () => {
    const a = art({ title: 'Harbour: reopens', siteName: 'The Times', published: '2014-11-08', capturedAt: 'x' });
    expect(exportFileNames([a, a], 'md', '{year}/{month} {site} - {title}')).toEqual([
      '2014 11 The Times - Harbour reopens.md',
      '2014 11 The Times - Harbour reopens (2).md',
    ]);
  });
});

describe('download rules', () => {
  it.each(['desktop.ini', 'Thumbs.db', 'CONIN$', 'conout$'])('prefixes the shell or device name %j', (input) => {
    expect(safeBaseName(input).startsWith('_')).toBe(true);
  });

  it('drops private-use and non-characters', () => {
    expect(safeBaseName('a\ue000b\uffffc\u00add')).toBe('abcd');
  });

  it('treats NFD and NFC spellings as the same name', () => {
    const names = new UniqueNames();
    expect(names.take('Caf\u00e9', 'md')).toBe('Caf\u00e9.md');
    expect(names.take('Cafe\u0301', 'md')).toBe('Caf\u00e9 (2).md');
  });
});
