import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

/**
 * The layout's rules (STYLE.md § Layout), checked on the import graph of src/: every import,
 * `import type` and `export … from` included, read by TypeScript's own import scanner (comments
 * and strings are not imports). Paths below are relative to src/.
 */
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

interface Module {
  /** Modules of src/ this one imports (relative to src/). */
  local: string[];
  /** Packages and Node built-ins it imports, as written. */
  packages: string[];
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const found = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
  return found && found.startsWith(`${SRC}/`) ? relative(SRC, found) : null;
}

function buildGraph(): Map<string, Module> {
  const graph = new Map<string, Module>();
  for (const file of sourceFiles(SRC)) {
    const module: Module = { local: [], packages: [] };
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!spec.startsWith('.')) module.packages.push(spec);
      else {
        const target = resolveLocal(file, spec);
        // package.json (the CLI's version) is the only import allowed to leave src/.
        if (target) module.local.push(target);
        else if (!spec.endsWith('package.json')) throw new Error(`${relative(SRC, file)}: cannot resolve ${spec}`);
      }
    }
    graph.set(relative(SRC, file), module);
  }
  return graph;
}

/** Every cycle's modules, each as a path a → b → … → a (one per strongly connected component). */
function cycles(graph: Map<string, Module>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!.local) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.add(w);
    } while (w !== v);
    if (component.size > 1 || graph.get(v)!.local.includes(v)) found.push(cyclePath(graph, v, component));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One concrete loop from `start` back to it inside its component, for a readable failure. */
function cyclePath(graph: Map<string, Module>, start: string, component: Set<string>): string {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v)!.local) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start].join(' → ');
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component].join(', ');
}

const graph = buildGraph();
const under =
  (...folders: string[]) =>
  (path: string) =>
    folders.some((f) => path.startsWith(`${f}/`));
const isCore = under('core');
const isUi = under('popup', 'options', 'reader', 'library', 'views', 'features', 'platform');
const isStorage = under('storage');

/**
 * The storage modules extension pages may import: record types, the schema (to open the
 * database), and modules that only read. Opening the database can run a pending upgrade
 * (db.ts → migrations/), as any context that opens it first would; nothing else here writes.
 */
const READ_ONLY_STORAGE = new Set([
  'storage/records.ts',
  'storage/db.ts',
  'storage/capture-queries.ts',
  'storage/image-queries.ts',
  'storage/reading-queries.ts',
  'storage/highlight-queries.ts',
  'storage/export-source.ts',
  'storage/backup.ts',
  'storage/tombstone.ts',
]);
/** What a write to IndexedDB through Dexie looks like (table writes, read-write transactions). */
const WRITE_CALL = /\.(?:add|put|update|delete|bulkAdd|bulkPut|bulkDelete|clear|modify)\(|\.transaction\(\s*['"]rw|['"]readwrite['"]/;

function violations(from: (path: string) => boolean, forbidden: (target: string) => boolean): string[] {
  const out: string[] = [];
  for (const [path, module] of graph) {
    if (!from(path)) continue;
    for (const target of [...module.local, ...module.packages]) if (forbidden(target)) out.push(`${path} → ${target}`);
  }
  return out;
}

describe('import graph of src/', () => {
  it('is read whole: every module, multi-line and type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('storage/db.ts')!.local).toContain('storage/migrations/v2.ts');
    expect(graph.get('storage/db.ts')!.local).toContain('storage/records.ts');
    expect(graph.get('storage/db.ts')!.packages).toContain('dexie');
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('core imports only core and libraries: no storage, browser glue, UI, polyfill, Dexie or Node built-ins', () => {
    const outside = (target: string) => (target.endsWith('.ts') ? !isCore(target) : /^(?:webextension-polyfill|dexie)(?:\/|$)|^node:/.test(target));
    expect(violations(isCore, outside)).toEqual([]);
  });

  it('content never stores nor reaches into pages: no storage, background or UI modules', () => {
    expect(violations(under('content'), (t) => isStorage(t) || under('background')(t) || isUi(t))).toEqual([]);
  });

  it('the background imports no UI pieces (platform adapters only)', () => {
    const ui = under('popup', 'options', 'reader', 'library', 'views', 'features');
    expect(violations(under('background'), ui)).toEqual([]);
  });

  it('pages, views, features and platform import only read-only storage modules', () => {
    expect(violations(isUi, (t) => isStorage(t) && !READ_ONLY_STORAGE.has(t))).toEqual([]);
  });

  it('pages, views, features and platform read the library through the query modules, not its tables', () => {
    // A table is reached as `<db>.captures`, `<db>.imageLinks`…: only storage modules do that.
    const TABLE_ACCESS =
      /\.(?:captures|versions|images|imageLinks|reading|searchIndex|meta)\.(?:where|get|bulkGet|each|toArray|orderBy|count|filter|toCollection)\(/;
    const direct = [...graph.keys()].filter((path) => isUi(path) && TABLE_ACCESS.test(readFileSync(join(SRC, path), 'utf8')));
    expect(direct).toEqual([]);
    expect(TABLE_ACCESS.test(readFileSync(join(SRC, 'storage/capture-queries.ts'), 'utf8'))).toBe(true);
  });

  it('the read-only storage modules contain no write', () => {
    const writing = [...READ_ONLY_STORAGE].filter((path) => WRITE_CALL.test(readFileSync(join(SRC, path), 'utf8')));
    expect(writing).toEqual([]);
    // The check can see a write: the modules that write are not in the list.
    for (const writer of ['storage/captures.ts', 'storage/images.ts', 'storage/reading.ts', 'storage/library.ts', 'storage/restore.ts']) {
      expect(WRITE_CALL.test(readFileSync(join(SRC, writer), 'utf8')), writer).toBe(true);
    }
  });
});
