import { diffWords } from 'diff';

/** One run of the word-level diff between two versions of an article's text. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * What changed between an older and a newer text, word by word (jsdiff's Myers diff), with long
 * unchanged runs shortened to their ends so the changes stand out ("…" in the middle).
 */
export function wordDiff(older: string, newer: string, context = 12): DiffPart[] {
  const parts: DiffPart[] = diffWords(older, newer).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
  return parts.map((part, i) => {
    if (part.kind !== 'same') return part;
    const words = part.text.split(/(\s+)/);
    const keep = context * 2; // words and the spaces between them
    if (words.length <= keep * 2 + 1) return part;
    const head = i === 0 ? '' : words.slice(0, keep).join('');
    const tail = i === parts.length - 1 ? '' : words.slice(-keep).join('');
    return { kind: 'same', text: `${head} … ${tail}` };
  });
}

/** Counts for a one-line summary ("12 words added, 3 removed"). */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const count = (kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { added: count('added'), removed: count('removed') };
}
