import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locateQuote } from '../../../../src/core/highlights/locate-quote';
import { describePassage } from '../../../../src/core/highlights/quote-selector';

/**
 * Issue #16's measurement: how often a highlight is found again after the article's text changed.
 * Passages are drawn (seeded, so every run is the same) from the text of every extraction fixture,
 * the text is edited in one way per case, and the passage is looked up again by its selectors.
 * The table is printed (docs/highlights.md quotes it) and each rate has a floor.
 */
const FIXTURES = fileURLToPath(new URL('../../../fixtures/extract/', import.meta.url));
const PER_ARTICLE = 25;

function texts(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => (JSON.parse(readFileSync(join(FIXTURES, d.name, 'expected.json'), 'utf8')) as { textContent: string[] }).textContent.join('\n\n'))
    .filter((t) => t.length > 1500);
}

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  /** The edited text and where the passage now is (null: it should not be found). */
  edit(text: string, start: number, end: number, rnd: () => number): { text: string; start: number; end: number } | { text: string; gone: true };
}

const INSERT = ' Editor’s note: this paragraph was added after publication to clarify the figures. ';
const wordStart = (text: string, at: number) => {
  let i = at;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
};

const CASES: Record<string, Case> = {
  'unchanged text': { edit: (text, start, end) => ({ text, start, end }) },
  'an edit before the passage': {
    edit: (text, start, end, rnd) => {
      const at = wordStart(text, Math.floor(rnd() * start));
      return { text: text.slice(0, at) + INSERT + text.slice(at), start: start + INSERT.length, end: end + INSERT.length };
    },
  },
  'an edit after the passage': {
    edit: (text, start, end, rnd) => {
      const at = wordStart(text, end + 1 + Math.floor(rnd() * (text.length - end - 1)));
      return { text: text.slice(0, Math.max(at, end)) + INSERT + text.slice(Math.max(at, end)), start, end };
    },
  },
  'a paragraph removed before it': {
    edit: (text, start, end) => {
      const cut = Math.min(start, 300);
      return { text: text.slice(0, start - cut) + text.slice(start), start: start - cut, end: end - cut };
    },
  },
  'a word changed inside the passage': {
    edit: (text, start, end, rnd) => {
      const words = [...text.slice(start, end).matchAll(/\S+/g)];
      const word = words[1 + Math.floor(rnd() * Math.max(1, words.length - 2))] ?? words[0]!;
      const at = start + word.index!;
      const replacement = word[0].length > 3 ? `${word[0].slice(0, -2)}ed` : 'the';
      const delta = replacement.length - word[0].length;
      return { text: text.slice(0, at) + replacement + text.slice(at + word[0].length), start, end: end + delta };
    },
  },
  'the same words elsewhere too': {
    edit: (text, start, end) => {
      // A copy of the passage (without its surroundings) put at the start of the text.
      const copy = `${text.slice(start, end)}. `;
      return { text: copy + text, start: start + copy.length, end: end + copy.length };
    },
  },
  'white space reflowed': {
    edit: (text, start, end) => {
      // Every space becomes a newline and back again at a different width: offsets shift, words do not.
      const reflowed = text.replace(/ /g, '\n  ');
      const shift = (i: number) => i + (text.slice(0, i).match(/ /g)?.length ?? 0) * 2;
      return { text: reflowed, start: shift(start), end: shift(end) - 0 };
    },
  },
  'the passage rewritten (must be an orphan)': {
    edit: (text, start, end) => ({
      text: text.slice(0, start) + 'Completely different words stand here now, none of them the same.' + text.slice(end),
      gone: true,
    }),
  },
};

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

describe('re-anchoring on edited texts (measured)', () => {
  it('finds passages again after each kind of edit', () => {
    const articles = texts();
    const rows: Array<[string, number, number]> = [];
    for (const [name, kase] of Object.entries(CASES)) {
      let ok = 0;
      let total = 0;
      articles.forEach((text, a) => {
        const rnd = random(1000 + a);
        for (let i = 0; i < PER_ARTICLE; i++) {
          const length = 15 + Math.floor(rnd() * 285);
          let start = wordStart(text, 200 + Math.floor(rnd() * (text.length - length - 400)));
          while (/\s/.test(text[start]!)) start++;
          let end = start + length;
          while (end > start && /\s/.test(text[end - 1]!)) end--;
          const anchor = describePassage(text, start, end);
          const edited = kase.edit(text, start, end, rnd);
          const found = locateQuote(edited.text, anchor);
          total++;
          if ('gone' in edited) ok += found === null ? 1 : 0;
          else if (found && overlap(found, edited) >= 0.9) ok++;
        }
      });
      rows.push([name, ok, total]);
    }
    console.log(
      `\nRe-anchoring over ${articles.length} fixture articles, ${PER_ARTICLE} passages each:\n${rows.map(([n, ok, t]) => `| ${n} | ${ok}/${t} | ${((100 * ok) / t).toFixed(1)}% |`).join('\n')}`,
    );
    const rate = Object.fromEntries(rows.map(([n, ok, t]) => [n, ok / t]));
    expect(rate['unchanged text']).toBe(1);
    expect(rate['an edit before the passage']).toBeGreaterThanOrEqual(0.99);
    expect(rate['an edit after the passage']).toBeGreaterThanOrEqual(0.99);
    expect(rate['a paragraph removed before it']).toBeGreaterThanOrEqual(0.99);
    expect(rate['a word changed inside the passage']).toBeGreaterThanOrEqual(0.9);
    expect(rate['the same words elsewhere too']).toBeGreaterThanOrEqual(0.95);
    expect(rate['white space reflowed']).toBeGreaterThanOrEqual(0.99);
    expect(rate['the passage rewritten (must be an orphan)']).toBeGreaterThanOrEqual(0.9);
  });
});
