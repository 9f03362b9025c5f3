/**
 * The article-extraction benchmark's metric, exactly as /work/shared/corpus/README.md (the corpus
 * README) defines it: 4-token shingle matching, per-page precision/recall, corpus means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text) {
  return text.match(TOKEN) ?? [];
}

/** Counts of each distinct 4-token shingle; fewer than 4 tokens make one short shingle, none make none. */
export function shingleCounts(tokens, n = 4) {
  const counts = new Map();
  if (!tokens.length) return counts;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    // \u0000 cannot occur inside a token, so joined keys are unambiguous.
    const key = tokens.slice(i, i + n).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page: normalized tp/fp/fn, precision, recall, and whether the token lists are identical. */
export function scorePage(expectedText, extractedText) {
  const expectedTokens = tokenize(expectedText);
  const extractedTokens = tokenize(extractedText);
  const expected = shingleCounts(expectedTokens);
  const extracted = shingleCounts(extractedTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, e] of expected) {
    const x = extracted.get(key) ?? 0;
    tp += Math.min(e, x);
    fn += Math.max(0, e - x);
  }
  for (const [key, x] of extracted) fp += Math.max(0, x - (expected.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  let precision;
  let recall;
  if (fp === 0 && fn === 0) {
    precision = 1;
    recall = 1;
  } else {
    precision = tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
    recall = tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  }
  const exact = expectedTokens.length === extractedTokens.length && expectedTokens.every((t, i) => t === extractedTokens[i]);
  return { tp, fp, fn, precision, recall, f1: harmonic(precision, recall), exact };
}

/** Corpus figures: P and R are means over pages, F1 is the harmonic mean of those two means. */
export function summarize(pages) {
  const mean = (f) => (pages.length ? pages.reduce((sum, p) => sum + f(p), 0) / pages.length : 0);
  const precision = mean((p) => p.precision);
  const recall = mean((p) => p.recall);
  return { pages: pages.length, f1: harmonic(precision, recall), precision, recall, accuracy: mean((p) => (p.exact ? 1 : 0)) };
}

function harmonic(a, b) {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}
