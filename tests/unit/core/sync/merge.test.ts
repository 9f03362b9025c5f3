import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureView, currentVersion, isDeleted, mergeCaptureDocs, type CaptureDoc } from '../../../../src/core/sync/capture-doc';
import { captureDocFromLocal, type LocalCapture } from '../../../../src/core/sync/local-changes';
import { liveTags, setTags } from '../../../../src/core/sync/stamped';
import { highlightDocFromLocal, isHighlightDeleted, mergeHighlightDocs, type HighlightDoc } from '../../../../src/core/sync/highlight-doc';
import { HIGHLIGHT_COLORS } from '../../../../src/core/highlights/highlight';
import { sampleDoc, sampleVersion, T0 } from './sample-docs';

// Small ranges on purpose: collisions (equal times, the same tag on two devices) are the cases that matter.
// Stamps are ms since the epoch, like the texts' dates (which count as changes too): T0 is after them.
const time = fc.integer({ min: 0, max: 20 }).map((n) => T0 + n);
const tagName = fc.constantFrom('news', 'later', 'work', 'ai');
const docArb: fc.Arbitrary<CaptureDoc> = fc
  .record({
    urlKeys: fc.uniqueArray(fc.constantFrom('https://a.example/1', 'https://a.example/2', 'https://b.example/1'), { minLength: 1 }),
    capturedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
    versions: fc.array(
      fc
        .record({ day: fc.integer({ min: 1, max: 3 }), title: fc.constantFrom('One', 'Two', 'Three') })
        .map(({ day, title }) => sampleVersion(`2026-01-0${day}T00:00:00.000Z`, title)),
      { minLength: 1, maxLength: 3 },
    ),
    tags: fc.dictionary(tagName, fc.record({ added: time, removed: time })),
    read: fc.record({ value: fc.constantFrom('unread' as const, 'read' as const), at: time }),
    archived: fc.record({ value: fc.boolean(), at: time }),
    favourite: fc.record({ value: fc.boolean(), at: time }),
    progress: fc.record({ value: fc.double({ min: 0, max: 1, noNaN: true }), at: time }),
    restoredAt: time,
    deleted: fc.option(fc.record({ at: time, seen: time })),
  })
  // Through JSON: fast-check builds null-prototype objects, which documents never are.
  .map((fields) => JSON.parse(JSON.stringify(sampleDoc(fields))) as CaptureDoc);

/** Plain JSON, so key order and object identity never count as a difference. */
const canon = (doc: CaptureDoc) =>
  JSON.parse(JSON.stringify(doc, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));

describe('mergeCaptureDocs: a deterministic join', () => {
  it('is commutative: the same result whichever device merges', () => {
    fc.assert(
      fc.property(docArb, docArb, (a, b) => {
        expect(canon(mergeCaptureDocs(a, b))).toEqual(canon(mergeCaptureDocs(b, a)));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative: the same result whatever order three devices meet in', () => {
    fc.assert(
      fc.property(docArb, docArb, docArb, (a, b, c) => {
        expect(canon(mergeCaptureDocs(mergeCaptureDocs(a, b), c))).toEqual(canon(mergeCaptureDocs(a, mergeCaptureDocs(b, c))));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: a document received twice changes nothing', () => {
    fc.assert(
      fc.property(docArb, docArb, (a, b) => {
        const once = mergeCaptureDocs(a, b);
        expect(canon(mergeCaptureDocs(once, b))).toEqual(canon(once));
        // A merged document is in normal form (sorted keys and texts): merging it with itself is itself.
        expect(canon(mergeCaptureDocs(once, once))).toEqual(canon(once));
      }),
      { numRuns: 300 },
    );
  });

  it('any arrival order of many changes converges to one document', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 2, maxLength: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (docs, seed) => {
        const shuffled = [...docs].sort((x, y) => (seed[docs.indexOf(x) % seed.length] ?? 0) - (seed[docs.indexOf(y) % seed.length] ?? 0));
        const forward = docs.reduce(mergeCaptureDocs);
        expect(canon(shuffled.reduce(mergeCaptureDocs))).toEqual(canon(forward));
        expect(canon([...docs].reverse().reduce(mergeCaptureDocs))).toEqual(canon(forward));
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing: every text, alias and tag add or removal of either side is in the merge', () => {
    fc.assert(
      fc.property(docArb, docArb, (a, b) => {
        const merged = mergeCaptureDocs(a, b);
        for (const version of [...a.versions, ...b.versions]) {
          expect(merged.versions.some((v) => v.savedAt === version.savedAt && v.fingerprint === version.fingerprint)).toBe(true);
        }
        for (const key of [...a.urlKeys, ...b.urlKeys]) expect(merged.urlKeys).toContain(key);
        for (const [name, state] of [...Object.entries(a.tags), ...Object.entries(b.tags)]) {
          expect(merged.tags[name].added).toBeGreaterThanOrEqual(state.added);
          expect(merged.tags[name].removed).toBeGreaterThanOrEqual(state.removed);
        }
        const times = merged.versions.map((v) => v.savedAt);
        expect(times).toEqual([...times].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('the rules, case by case', () => {
  const base = sampleDoc();

  it('tags: the union of both devices, a removal kept as a tombstone', () => {
    const onA = { ...base, tags: setTags(base.tags, ['news'], T0 + 10) };
    const onB = { ...base, tags: setTags(base.tags, ['later'], T0 + 11) };
    expect(liveTags(mergeCaptureDocs(onA, onB).tags)).toEqual(['later', 'news']);
    // A removes "news" after the merge; B still holds the old add: the removal wins, both ways.
    const merged = mergeCaptureDocs(onA, onB);
    const removedOnA = { ...merged, tags: setTags(merged.tags, ['later'], T0 + 20) };
    expect(liveTags(mergeCaptureDocs(removedOnA, onA).tags)).toEqual(['later']);
    expect(liveTags(mergeCaptureDocs(onA, removedOnA).tags)).toEqual(['later']);
  });

  it('read, archive and favourite: the latest change wins', () => {
    const a = { ...base, read: { value: 'read' as const, at: T0 + 5 }, archived: { value: true, at: T0 + 9 } };
    const b = { ...base, read: { value: 'unread' as const, at: T0 + 7 }, favourite: { value: true, at: T0 + 3 } };
    expect(captureView(mergeCaptureDocs(a, b))).toMatchObject({ readState: 'unread', archived: true, favourite: true });
  });

  it('versions: union ordered by capture time, the newest is the current text', () => {
    const a = { ...base, versions: [sampleVersion('2026-01-01T00:00:00.000Z', 'First'), sampleVersion('2026-01-03T00:00:00.000Z', 'Third')] };
    const b = { ...base, versions: [sampleVersion('2026-01-01T00:00:00.000Z', 'First'), sampleVersion('2026-01-02T00:00:00.000Z', 'Second')] };
    const merged = mergeCaptureDocs(a, b);
    expect(merged.versions.map((v) => v.capture.title)).toEqual(['First', 'Second', 'Third']);
    expect(currentVersion(merged).capture.title).toBe('Third');
  });

  it('edit beats delete: a change the deleting device had not seen keeps the record', () => {
    const deletedOnA = { ...base, deleted: { at: T0 + 100, seen: T0 + 100 } };
    expect(isDeleted(mergeCaptureDocs(deletedOnA, base))).toBe(true);
    // B tagged it while offline, a change A had not seen when it deleted…
    const taggedOnB = { ...base, tags: setTags(base.tags, ['keep'], T0 + 150) };
    expect(isDeleted(mergeCaptureDocs(deletedOnA, taggedOnB))).toBe(false);
    expect(isDeleted(mergeCaptureDocs(taggedOnB, deletedOnA))).toBe(false);
    // …and a delete made after seeing that edit wins again.
    const deletedAgain = { ...mergeCaptureDocs(deletedOnA, taggedOnB), deleted: { at: T0 + 200, seen: T0 + 200 } };
    expect(isDeleted(mergeCaptureDocs(deletedAgain, taggedOnB))).toBe(true);
  });
});

describe('captureDocFromLocal: stamps only what changed', () => {
  const local: LocalCapture = {
    urlKeys: ['https://news.example/a'],
    capturedAt: '2026-01-01T00:00:00.000Z',
    versions: [sampleVersion('2026-01-01T00:00:00.000Z', 'First')],
    tags: ['news'],
    readState: 'unread',
    archived: false,
    favourite: false,
    progress: 0,
    deletedAt: null,
  };

  it('keeps the old stamp of an unchanged field and stamps a changed one now', () => {
    const first = captureDocFromLocal(null, 'https://news.example/a', local, T0 + 1000);
    const second = captureDocFromLocal(first, 'https://news.example/a', { ...local, favourite: true }, T0 + 2000);
    expect(second.read).toEqual(first.read);
    expect(second.tags).toEqual(first.tags);
    expect(second.favourite).toEqual({ value: true, at: T0 + 2000 });
  });

  it('a local delete becomes a deletion that has seen every local change; Undo beats it', () => {
    const first = captureDocFromLocal(null, 'k', local, T0 + 1000);
    const deleted = captureDocFromLocal(first, 'k', { ...local, deletedAt: new Date(T0 + 3000).toISOString() }, T0 + 3000);
    expect(isDeleted(deleted)).toBe(true);
    const restored = captureDocFromLocal(deleted, 'k', local, T0 + 4000);
    expect(isDeleted(restored)).toBe(false);
  });
});

const highlightArb: fc.Arbitrary<HighlightDoc> = fc
  .record({
    capture: fc.constantFrom('c-one', 'c-two'),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
    anchor: fc.record({
      value: fc.record({ exact: fc.constantFrom('a passage', 'a passage, longer'), prefix: fc.constantFrom('', 'x '), suffix: fc.constant('') }),
      at: time,
    }),
    color: fc.record({ value: fc.constantFrom(...HIGHLIGHT_COLORS), at: time }),
    note: fc.record({ value: fc.constantFrom('', 'a note', 'another note'), at: time }),
    restoredAt: time,
    deleted: fc.option(fc.record({ at: time, seen: time })),
  })
  .map((fields) => JSON.parse(JSON.stringify({ kind: 'highlight', id: 'one-uuid', ...fields })) as HighlightDoc);

describe('mergeHighlightDocs: the same join for highlights (issue #16)', () => {
  const canonH = (doc: HighlightDoc) =>
    JSON.parse(JSON.stringify(doc, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));

  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(highlightArb, highlightArb, highlightArb, (a, b, c) => {
        expect(canonH(mergeHighlightDocs(a, b))).toEqual(canonH(mergeHighlightDocs(b, a)));
        expect(canonH(mergeHighlightDocs(mergeHighlightDocs(a, b), c))).toEqual(canonH(mergeHighlightDocs(a, mergeHighlightDocs(b, c))));
        const once = mergeHighlightDocs(a, b);
        expect(canonH(mergeHighlightDocs(once, b))).toEqual(canonH(once));
        expect(canonH(mergeHighlightDocs(once, once))).toEqual(canonH(once));
      }),
      { numRuns: 500 },
    );
  });

  it('the latest edit of each field wins; a delete wins only over edits it had seen', () => {
    fc.assert(
      fc.property(highlightArb, highlightArb, (a, b) => {
        const merged = mergeHighlightDocs(a, b);
        expect(merged.note.at).toBe(Math.max(a.note.at, b.note.at));
        expect(merged.color.at).toBe(Math.max(a.color.at, b.color.at));
        const latestEdit = Math.max(a.anchor.at, b.anchor.at, a.color.at, b.color.at, a.note.at, b.note.at, a.restoredAt, b.restoredAt);
        if (isHighlightDeleted(merged)) expect(latestEdit).toBeLessThanOrEqual(merged.deleted!.seen);
        else if (merged.deleted) expect(latestEdit).toBeGreaterThan(merged.deleted.seen);
      }),
      { numRuns: 300 },
    );
  });

  it('local edits become stamped changes: a recolour, a delete, an Undo', () => {
    const local = {
      id: 'one-uuid',
      exact: 'a passage',
      prefix: '',
      suffix: '',
      color: 'yellow' as const,
      note: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const first = highlightDocFromLocal(null, local, 'c-one', T0);
    expect(isHighlightDeleted(first)).toBe(false);
    const recoloured = highlightDocFromLocal(first, { ...local, color: 'pink', updatedAt: new Date(T0 + 50).toISOString() }, 'c-one', T0 + 60);
    expect(recoloured.color).toEqual({ value: 'pink', at: T0 + 50 });
    expect(recoloured.note).toBe(first.note);
    const gone = highlightDocFromLocal(recoloured, { ...local, color: 'pink', deletedAt: new Date(T0 + 70).toISOString() }, 'c-one', T0 + 80);
    expect(isHighlightDeleted(gone)).toBe(true);
    // The other device's older edit does not bring it back; a newer one does.
    expect(isHighlightDeleted(mergeHighlightDocs(gone, { ...recoloured, note: { value: 'old', at: T0 + 20 } }))).toBe(true);
    expect(isHighlightDeleted(mergeHighlightDocs(gone, { ...recoloured, note: { value: 'new', at: T0 + 90 } }))).toBe(false);
    const undone = highlightDocFromLocal(gone, { ...local, color: 'pink', updatedAt: new Date(T0 + 100).toISOString() }, 'c-one', T0 + 110);
    expect(isHighlightDeleted(mergeHighlightDocs(undone, gone))).toBe(false);
  });
});
