import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { labelMatches, scanPage } from '../../../../src/core/extract/page-scan';

describe('labelMatches', () => {
  const doc = parseDocument(
    `<html><body><div class="Share-Bar top" id="x"></div><div id="main-comments"></div>
    <div class="shareholders"></div><p class="" id="">plain</p></body></html>`,
    'https://e.com/',
  );
  const scan = scanPage(doc);
  const pattern = /(^|[\s_-])(share|comments)([\s_-]|$)/;

  it('lists only elements with a non-empty class or id, in document order', () => {
    expect(scan.labelled.map(({ cls, id }) => [cls, id])).toEqual([
      ['Share-Bar top', 'x'],
      [null, 'main-comments'],
      ['shareholders', null],
    ]);
  });

  it('tests the lower-cased class and id as whole words, like the joined "class id" label', () => {
    expect(scan.labelled.map((entry) => labelMatches(entry, pattern))).toEqual([true, true, false]);
  });
});
