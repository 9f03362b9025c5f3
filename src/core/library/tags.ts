/**
 * Tag management as pure rules (issue 17): rename, merge and delete are one operation, a record's
 * tags with `from` replaced by `to` (null: removed). Renaming to a tag the record already has
 * merges them (no tag twice).
 */
export function retagged(tags: readonly string[], from: string, to: string | null): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const next = tag === from ? to : tag;
    if (next !== null && !out.includes(next)) out.push(next);
  }
  return out;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with the number of articles carrying it, most used first, then by name. */
export function countTags(tagLists: Iterable<readonly string[]>): TagCount[] {
  const counts = new Map<string, number>();
  for (const tags of tagLists) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Tags to offer while typing: those starting with what was typed first, then those containing it; none already chosen. */
export function suggestTags(all: readonly TagCount[], typed: string, chosen: readonly string[] = [], limit = 8): string[] {
  const text = typed.trim().toLowerCase();
  const free = all.filter((t) => !chosen.includes(t.tag));
  const starts = free.filter((t) => t.tag.startsWith(text));
  const contains = text ? free.filter((t) => !t.tag.startsWith(text) && t.tag.includes(text)) : [];
  return [...starts, ...contains].slice(0, limit).map((t) => t.tag);
}
