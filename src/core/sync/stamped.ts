/**
 * The conflict-free building blocks of synced documents. Each merge is a join: commutative,
 * associative and idempotent, so every device reaches the same document whatever order changes
 * arrive in (issue #14; property-tested in tests/unit/core/sync/merge.test.ts).
 */

/** A value with the time (ms since the epoch) it was last set: the latest change wins. */
export interface Stamped<T> {
  value: T;
  at: number;
}

/** JSON with object keys sorted: equal documents give equal text, whoever built them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A total order on plain JSON values, so equal times still pick the same winner everywhere. */
export function compareJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

export function mergeStamped<T>(a: Stamped<T>, b: Stamped<T>): Stamped<T> {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return compareJson(a.value, b.value) >= 0 ? a : b;
}

/** A tag's last add and last removal (0 = never): removals are kept, as tombstones, so they sync. */
export interface TagState {
  added: number;
  removed: number;
}

export type TagSet = Record<string, TagState>;

export function mergeTags(a: TagSet, b: TagSet): TagSet {
  const out: TagSet = {};
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[name] ?? { added: 0, removed: 0 };
    const y = b[name] ?? { added: 0, removed: 0 };
    out[name] = { added: Math.max(x.added, y.added), removed: Math.max(x.removed, y.removed) };
  }
  return out;
}

/** The tags shown: added after (or without) their last removal. */
export function liveTags(tags: TagSet): string[] {
  return Object.keys(tags)
    .filter((name) => tags[name].added > tags[name].removed)
    .sort();
}

/**
 * The tag set after the user's list became `wanted` at `now`: new tags added, missing ones
 * removed, unchanged ones untouched (so an unrelated edit never revives or buries a tag).
 */
export function setTags(tags: TagSet, wanted: readonly string[], now: number): TagSet {
  const out: TagSet = { ...tags };
  const want = new Set(wanted);
  const live = new Set(liveTags(tags));
  for (const name of want) if (!live.has(name)) out[name] = { added: Math.max(now, (tags[name]?.removed ?? 0) + 1), removed: tags[name]?.removed ?? 0 };
  for (const name of live) if (!want.has(name)) out[name] = { ...tags[name], removed: Math.max(now, tags[name].added) };
  return out;
}
