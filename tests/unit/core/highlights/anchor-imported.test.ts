import { describe, expect, it } from 'vitest';
import { anchorImportedHighlights } from '../../../../src/core/highlights/anchor-imported';
import { locateQuote } from '../../../../src/core/highlights/locate-quote';

const TEXT =
  'The harbour council met on Tuesday.\n\nIt agreed the winter ferry timetable after a long debate about the night crossings. ' +
  'The ferry operators said the new timetable would hold through the storms.\n\nResidents asked about the old pier.';
const SAVED = '2021-05-06T07:08:09.000Z';

describe('anchorImportedHighlights', () => {
  it('anchors a quote found in the article with its prefix, suffix and position, and keeps the note as text', () => {
    const [h] = anchorImportedHighlights(TEXT, [{ quote: 'the new timetable would hold', note: '<b>Winter!</b>' }], SAVED);
    expect(h).toMatchObject({ exact: 'the new timetable would hold', orphan: false, color: 'yellow', note: '<b>Winter!</b>', createdAt: SAVED });
    expect(TEXT.slice(h!.start, h!.end)).toBe('the new timetable would hold');
    expect(h!.prefix).toMatch(/The ferry operators said $/);
    expect(h!.suffix).toMatch(/^ through the storms\./);
    // The reader places it exactly where the import anchored it.
    expect(locateQuote(TEXT, h!)).toMatchObject({ start: h!.start, end: h!.end, fuzzy: false });
  });

  it('finds a quote with a changed word fuzzily and anchors on the article’s own words', () => {
    const [h] = anchorImportedHighlights(TEXT, [{ quote: 'after a long argument about the night crossings', note: null }], SAVED);
    expect(h!.orphan).toBe(false);
    expect(h!.exact).toContain('about the night crossings');
    expect(TEXT.slice(h!.start, h!.end)).toBe(h!.exact);
    expect(h!.note).toBe('');
  });

  it('finds a quote whose line breaks differ from the article’s (Omnivore’s Markdown across paragraphs)', () => {
    const [h] = anchorImportedHighlights(TEXT, [{ quote: 'through the storms.\nResidents asked', note: null }], SAVED);
    expect(h).toMatchObject({ orphan: false, exact: 'through the storms.\n\nResidents asked' });
  });

  it('keeps a quote that is not in the article as an orphan with its own words, never drops it', () => {
    const [h] = anchorImportedHighlights(TEXT, [{ quote: 'A sentence the article never had in any form at all.', note: 'Kept.' }], SAVED);
    expect(h).toEqual({
      exact: 'A sentence the article never had in any form at all.',
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: 'Kept.',
      createdAt: SAVED,
      orphan: true,
    });
    expect(locateQuote(TEXT, h!)).toBeNull();
  });

  it('uses the time the export gives for a highlight, else the fallback; a blank quote is left out', () => {
    const out = anchorImportedHighlights(
      TEXT,
      [
        { quote: 'Residents asked about the old pier.', note: null, createdAt: '2019-03-04T10:00:00+01:00' },
        { quote: 'The harbour council met', note: null, createdAt: 'not a date' },
        { quote: '   ', note: 'nothing to anchor' },
      ],
      SAVED,
    );
    expect(out.map((h) => h.createdAt)).toEqual(['2019-03-04T09:00:00.000Z', SAVED]);
  });

  it('gives the same anchors for the same file twice (what makes a second import add nothing)', () => {
    const items = [
      { quote: 'after a long argument about the night crossings', note: 'n' },
      { quote: 'absent words here', note: null },
    ];
    expect(anchorImportedHighlights(TEXT, items, SAVED)).toEqual(anchorImportedHighlights(TEXT, items, SAVED));
  });
});
