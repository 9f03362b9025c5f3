import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../src/core/highlights/highlight';
import { locateQuote } from '../../../../src/core/highlights/locate-quote';
import { placeHighlights } from '../../../../src/core/highlights/place-highlights';
import { describePassage } from '../../../../src/core/highlights/quote-selector';

const TEXT =
  'The council met on Monday. The budget was approved after a long debate about schools. ' +
  'Residents asked about roads. The budget was approved after a long debate about parks. Nobody objected.';

function anchorOf(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error('quote not in text');
  return describePassage(text, start, start + quote.length);
}

describe('locateQuote', () => {
  it('finds an exact quote where it was', () => {
    const anchor = anchorOf(TEXT, 'Residents asked about roads.');
    const placed = locateQuote(TEXT, anchor)!;
    expect(TEXT.slice(placed.start, placed.end)).toBe('Residents asked about roads.');
    expect(placed.fuzzy).toBe(false);
  });

  it('tells apart a quote that appears twice by its prefix and suffix, even without the position hint', () => {
    const second = anchorOf(TEXT, 'The budget was approved', 1);
    const { start: _s, end: _e, ...noHint } = second;
    const placed = locateQuote(TEXT, noHint)!;
    expect(placed.start).toBe(TEXT.lastIndexOf('The budget was approved'));
    const first = anchorOf(TEXT, 'The budget was approved', 0);
    expect(locateQuote(TEXT, { ...first, start: undefined, end: undefined })!.start).toBe(TEXT.indexOf('The budget was approved'));
  });

  it('survives an edit before the passage (the position hint is off, the quote still fits)', () => {
    const anchor = anchorOf(TEXT, 'Residents asked about roads.');
    const edited = 'UPDATE: this story was corrected on Tuesday. ' + TEXT;
    const placed = locateQuote(edited, anchor)!;
    expect(edited.slice(placed.start, placed.end)).toBe('Residents asked about roads.');
  });

  it('survives an edit after the passage', () => {
    const anchor = anchorOf(TEXT, 'approved after a long debate about parks');
    const edited = TEXT.replace('Nobody objected.', 'Two members objected, and the mayor said the vote would stand.');
    const placed = locateQuote(edited, anchor)!;
    expect(edited.slice(placed.start, placed.end)).toBe('approved after a long debate about parks');
  });

  it('re-anchors fuzzily when the passage itself changed a little', () => {
    const anchor = anchorOf(TEXT, 'The budget was approved after a long debate about parks.');
    const edited = TEXT.replace('a long debate about parks', 'a lengthy debate about parks');
    const placed = locateQuote(edited, anchor)!;
    expect(placed.fuzzy).toBe(true);
    expect(edited.slice(placed.start, placed.end)).toMatch(/^The budget was approved after a lengthy debate about parks\.?$/);
  });

  it('gives up (an orphan) when the passage is gone', () => {
    const anchor = anchorOf(TEXT, 'Residents asked about roads.');
    expect(locateQuote('A completely different article about the weather in spring.', anchor)).toBeNull();
  });

  it('ignores white space differences between the page, the reader and an export', () => {
    const anchor = { exact: 'about schools.\n\nResidents asked', prefix: 'debate ', suffix: ' about' };
    const reader = TEXT.replace('schools. Residents', 'schools.Residents');
    const placed = locateQuote(reader, anchor)!;
    expect(reader.slice(placed.start, placed.end)).toBe('about schools.Residents asked');
  });
});

describe('placeHighlights', () => {
  const highlight = (over: Partial<Highlight>): Highlight => ({
    id: over.id ?? 'h',
    captureId: 1,
    exact: '',
    prefix: '',
    suffix: '',
    color: 'yellow',
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });

  it('marks a passage across two paragraphs, one mark per block, and overlapping highlights nest', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><p>First paragraph ends here.</p>\n<ul><li>Second block starts here.</li></ul></div></body></html>',
    );
    const root = document.getElementById('a')!;
    const across = highlight({ id: 'x', exact: 'ends here.\nSecond block', prefix: 'First paragraph ', suffix: ' starts' });
    const inner = highlight({ id: 'y', exact: 'block starts', prefix: 'Second ', suffix: ' here', createdAt: '2026-01-02T00:00:00.000Z' });
    const result = placeHighlights(root as unknown as Element, [inner, across], (h) => {
      const el = document.createElement('mark');
      el.setAttribute('data-id', h.id);
      return el as unknown as Element;
    });
    expect(result.orphans).toEqual([]);
    expect(root.querySelectorAll('mark[data-id="x"]').length).toBe(2);
    expect(root.querySelector('p mark[data-id="x"]')!.textContent).toBe('ends here.');
    expect(root.querySelector('li mark[data-id="x"]')!.textContent).toBe('Second block');
    // No mark directly in the <ul> (white space between blocks is never wrapped).
    expect(root.querySelector('ul > mark')).toBeNull();
    expect(
      Array.from(root.querySelectorAll('mark[data-id="y"]'))
        .map((m) => m.textContent)
        .join(''),
    ).toBe('block starts');
    expect(root.textContent).toBe('First paragraph ends here.\nSecond block starts here.');
  });

  it('lists a highlight it cannot place as an orphan', () => {
    const { document } = parseHTML('<div id="a"><p>Only this text.</p></div>');
    const root = document.getElementById('a')!;
    const result = placeHighlights(
      root as unknown as Element,
      [highlight({ exact: 'a sentence that was removed' })],
      () => document.createElement('mark') as unknown as Element,
    );
    expect(result.orphans.length).toBe(1);
    expect(root.querySelector('mark')).toBeNull();
  });
});
