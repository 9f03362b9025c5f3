import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, type SearchDoc } from './search-index';

/**
 * The search index's saved copy in a compact, fast-to-load form (issue 17: the first search after
 * the worker stopped must answer within 300 ms at 10,000 articles). The JSON copy (≈ 14 MB) cost
 * two passes over a million postings before the first answer: JSON.parse, then MiniSearch.loadJS
 * making a Map entry for each. Here the postings are typed arrays (a structured clone copies them
 * as bytes), and a term's postings become Maps only when a query first touches that term: a cold
 * search decodes the few dozen terms it matches, not 10,000 articles' vocabulary.
 *
 * This reads and sets MiniSearch 7's private fields (`_index`, `_documentIds`…), which its own
 * toJSON/loadJS use too: search-index-pack.test.ts checks that an unpacked index answers, changes
 * and serializes exactly like the one it was packed from, so a MiniSearch upgrade that moves them
 * fails there, not in users' hands.
 */

/** Bumped when the layout changes: an older saved copy is then rebuilt, never misread. */
export const PACK_FORMAT = 1;

export interface PackedIndex {
  format: number;
  /** The index's fields and stored fields when saved: a copy made with other options is not loaded. */
  fields: string[];
  storeFields: string[];
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** shortId → document id, and the length of each field per shortId (fieldCount values each). */
  shortIds: Uint32Array;
  ids: Float64Array;
  fieldLengths: Float64Array;
  storedFields: Record<string, unknown>[];
  terms: string[];
  /** Term t's (field, postings) slots are termSlots[t] … termSlots[t + 1] − 1. */
  termSlots: Uint32Array;
  slotField: Uint8Array;
  /** Slot s's postings are docs / freqs[slotDocs[s] … slotDocs[s + 1] − 1]. */
  slotDocs: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
}

type TermData = Map<number, Map<number, number>>;

/** The private state of a MiniSearch 7 instance that toJSON / loadJS read and write. */
interface Internals {
  _index: { set(term: string, data: TermData): void; [Symbol.iterator](): IterableIterator<[string, TermData]> };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _dirtCount: number;
}

const internals = (index: MiniSearch<SearchDoc>) => index as unknown as Internals;

/** A growable typed array (the number of postings is not known before the walk). */
class Grow<T extends Uint32Array | Uint8Array> {
  length = 0;
  constructor(private data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * Documents, fields and postings go in ascending order, as MiniSearch.loadJS makes them from the
 * JSON copy's objects (integer keys iterate in order): scores add up in the same order, to the last bit.
 */
export function packIndex(index: MiniSearch<SearchDoc>): PackedIndex {
  const ascending = (a: number, b: number) => a - b;
  const mini = internals(index);
  const fieldCount = Object.keys(mini._fieldIds).length;
  const shortIds = new Uint32Array(mini._documentIds.size);
  const ids = new Float64Array(mini._documentIds.size);
  const fieldLengths = new Float64Array(mini._documentIds.size * fieldCount);
  const storedFields: Record<string, unknown>[] = [];
  let d = 0;
  for (const shortId of [...mini._documentIds.keys()].sort(ascending)) {
    shortIds[d] = shortId;
    ids[d] = mini._documentIds.get(shortId) as number;
    const lengths = mini._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLengths[d * fieldCount + f] = lengths[f] ?? 0;
    storedFields.push(mini._storedFields.get(shortId) ?? {});
    d++;
  }
  const terms: string[] = [];
  const termSlots = new Grow(new Uint32Array(1024));
  const slotField = new Grow(new Uint8Array(1024));
  const slotDocs = new Grow(new Uint32Array(1024));
  const docs = new Grow(new Uint32Array(1 << 16));
  const freqs = new Grow(new Uint32Array(1 << 16));
  for (const [term, data] of mini._index) {
    terms.push(term);
    termSlots.push(slotField.length);
    for (const fieldId of [...data.keys()].sort(ascending)) {
      const postings = data.get(fieldId)!;
      slotField.push(fieldId);
      slotDocs.push(docs.length);
      for (const doc of [...postings.keys()].sort(ascending)) {
        docs.push(doc);
        freqs.push(postings.get(doc)!);
      }
    }
  }
  termSlots.push(slotField.length);
  slotDocs.push(docs.length);
  return {
    format: PACK_FORMAT,
    fields: [...INDEX_OPTIONS.fields],
    storeFields: [...(INDEX_OPTIONS.storeFields ?? [])],
    documentCount: mini._documentCount,
    nextId: mini._nextId,
    dirtCount: mini._dirtCount,
    fieldIds: { ...mini._fieldIds },
    averageFieldLength: [...mini._avgFieldLength],
    shortIds,
    ids,
    fieldLengths,
    storedFields,
    terms,
    termSlots: termSlots.done(),
    slotField: slotField.done(),
    slotDocs: slotDocs.done(),
    docs: docs.done(),
    freqs: freqs.done(),
  };
}

/**
 * A term's postings by field, made into Maps on first use (any read, write or walk): MiniSearch
 * reads them through get / size / keys and iteration, and changes them through set / delete.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  private fill: (() => void) | null;
  constructor(fill: (target: TermData) => void) {
    super();
    this.fill = () => fill(this);
  }
  private ready(): void {
    if (!this.fill) return;
    const fill = this.fill;
    this.fill = null;
    fill();
  }
  override get(key: number) {
    this.ready();
    return super.get(key);
  }
  override has(key: number) {
    this.ready();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.ready();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.ready();
    return super.delete(key);
  }
  override clear() {
    this.fill = null;
    super.clear();
  }
  override get size() {
    this.ready();
    return super.size;
  }
  override forEach(callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.ready();
    super.forEach(callback, thisArg);
  }
  override keys() {
    this.ready();
    return super.keys();
  }
  override values() {
    this.ready();
    return super.values();
  }
  override entries() {
    this.ready();
    return super.entries();
  }
  override [Symbol.iterator]() {
    this.ready();
    return super[Symbol.iterator]();
  }
}

/** Whether a saved copy has this build's layout and fields (else it is rebuilt, not misread). */
export function isCurrentPack(packed: Partial<PackedIndex> | undefined): packed is PackedIndex {
  if (!packed || packed.format !== PACK_FORMAT) return false;
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  return same(packed.fields, INDEX_OPTIONS.fields) && same(packed.storeFields, INDEX_OPTIONS.storeFields);
}

export function unpackIndex(packed: PackedIndex): MiniSearch<SearchDoc> {
  // An empty index with the right options and header, through MiniSearch's own loader.
  const index = MiniSearch.loadJS<SearchDoc>(
    {
      documentCount: packed.documentCount,
      nextId: packed.nextId,
      documentIds: {},
      fieldIds: packed.fieldIds,
      fieldLength: {},
      averageFieldLength: packed.averageFieldLength,
      storedFields: {},
      dirtCount: packed.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    INDEX_OPTIONS,
  );
  const mini = internals(index);
  const fieldCount = Object.keys(packed.fieldIds).length;
  for (let d = 0; d < packed.shortIds.length; d++) {
    const shortId = packed.shortIds[d]!;
    const id = packed.ids[d]!;
    mini._documentIds.set(shortId, id);
    mini._idToShortId.set(id, shortId);
    mini._fieldLength.set(shortId, Array.from(packed.fieldLengths.subarray(d * fieldCount, (d + 1) * fieldCount)));
    mini._storedFields.set(shortId, packed.storedFields[d]);
  }
  const { termSlots, slotField, slotDocs, docs, freqs } = packed;
  packed.terms.forEach((term, t) => {
    mini._index.set(
      term,
      new LazyTermData((target) => {
        for (let s = termSlots[t]!; s < termSlots[t + 1]!; s++) {
          const postings = new Map<number, number>();
          for (let p = slotDocs[s]!; p < slotDocs[s + 1]!; p++) postings.set(docs[p]!, freqs[p]!);
          Map.prototype.set.call(target, slotField[s]!, postings);
        }
      }),
    );
  });
  return index;
}
