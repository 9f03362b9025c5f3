// ESLint: recommended rules for JS and TypeScript, plus the boundaries STYLE.md draws ("the
// boundaries are lint rules, not promises"). The boundary patterns match import specifiers, so
// they are written for both today's flat src/core/*.ts and the target layout (src/core/<area>/,
// src/storage/migrations/, src/platform/, src/views/, src/features/, src/library/ as a page).
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** A regex source: a relative specifier that climbs `depth` levels (exactly) and names one of `dirs`. */
const upTo = (depth, dirs) => `^(\\.\\./){${depth}}(${dirs.join('|')})(/|$)`;
/** A regex source: a relative specifier into src/storage (it sits right under src/, so any number of ../). */
const storage = (module) => `^(\\.\\./)+storage/(.+/)?${module}$`;

// ---- Storage: which modules write (add/put/update/delete/bulk…/modify, transaction('rw')) ----
// Modules that only read, or hold types and pure helpers. db.ts is the schema and openDb(): pages
// open the database to read it.
const READ_ONLY = [
  'db',
  'records',
  'backup',
  'dedupe',
  'export-source',
  'quota',
  'record-fields',
  'tombstone',
  'capture-queries',
  'image-queries',
  'reading-queries',
  'import-record',
  'highlight-queries',
];
// Modules that write. Outside the background only the exports named here (read-only queries, pure
// helpers, constants, types) may be imported: an allowlist, so a new export is a writer until
// someone says it is not.
const WRITERS = [
  {
    module: 'captures',
    reads: ['getCapture', 'liveByUrlKeys', 'findCaptureByUrl', 'isUrlSaved', 'listCaptures', 'countCaptures', 'listVersions', 'storyPeer', 'cleanTags'],
    types: ['SaveStatus', 'SaveResult', 'CapturePatch'],
  },
  { module: 'images', reads: ['captureImages', 'captureStorageUse', 'ORPHAN_GRACE_MS'], types: ['NewImage', 'StorageUse'] },
  { module: 'reading', reads: ['getReading', 'readIds', 'READ_AT_PROGRESS'], types: [] },
  { module: 'library', reads: ['UNDO_WINDOW_MS'], types: ['DeletedCapture'] },
  { module: 'highlights', reads: [], types: ['NewHighlight', 'HighlightPatch'] },
  // reextractedRecord is a pure function (record + capture → record); replaceCapture writes.
  { module: 'reextract', reads: ['reextractedRecord'], types: [] },
  { module: 'restore', reads: ['validateBackup'], types: ['TableReport', 'RestoreReport'] },
  // Tag rename / merge / delete (issue 17): the background's only.
  { module: 'tags', reads: [], types: [] },
  // The middleware that bumps the library generation belongs to db.ts alone.
  { module: 'generation', reads: ['readGeneration', 'LIBRARY_TABLES'], types: [] },
  // The middleware that keeps the list rows in step with captures (issue 17): db.ts alone uses it.
  { module: 'capture-rows', reads: ['CAPTURE_ROWS'], types: [] },
  { module: 'import-queue', reads: ['importStatus'], types: ['ImportStatus', 'ImportSaveStatus'] },
];
const WRITE_MESSAGE = 'Only src/background (and src/storage) writes the database (STYLE.md §4); extension pages send a message instead.';
const writerPatterns = [
  ...WRITERS.map(({ module, reads, types }) => ({
    regex: storage(module),
    // ESLint refuses an empty allow-list: a module with nothing to share forbids every import.
    ...(reads.length + types.length ? { allowImportNames: [...reads, ...types] } : {}),
    allowTypeImports: true,
    message: `storage/${module} writes: outside the background only its read-only queries may be imported (listed in eslint.config.mjs). ${WRITE_MESSAGE}`,
  })),
  // Migrations run inside a Dexie upgrade, opened by db.ts.
  { regex: storage('(migrations/.+|migrate-[^/]+)'), allowTypeImports: true, message: `Migrations write, inside the upgrade db.ts runs. ${WRITE_MESSAGE}` },
  // A storage module neither list names (a new or moved file) is a writer until classified.
  {
    regex: `^(\\.\\./)+storage/(?!(.+/)?(${[...READ_ONLY, ...WRITERS.map((w) => w.module)].join('|')})$|(.+/)?(migrations/|migrate-))`,
    allowTypeImports: true,
    message: `A storage module eslint.config.mjs does not classify yet: add it to READ_ONLY if it only reads, else to WRITERS with its read-only exports. ${WRITE_MESSAGE}`,
  },
];
const noDexie = (allowTypeImports) => ({
  name: 'dexie',
  allowTypeImports,
  message: 'Only src/storage knows Dexie (STYLE.md layout); use a query from src/storage.',
});

// ---- src/core: pure TypeScript, runs in the page, in Node and in the CLI ----
// Which src/ folders core must not reach. `library` is the library page (src/library/), not
// src/core/library/: hence depth-exact patterns, one per depth of the importing file in src/core.
const NOT_FROM_CORE = ['storage', 'background', 'content', 'ui', 'platform', 'views', 'features', 'popup', 'options', 'reader', 'library', 'cli'];
const coreBlocks = [1, 2, 3, 4, 5].map((depth) => ({
  name: `boundaries/core-depth-${depth}`,
  files: [`src/core/${'*/'.repeat(depth - 1)}*.{ts,mts,js,mjs}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'webextension-polyfill', message: 'src/core never touches a browser API (STYLE.md §2): pass what it needs in.' }, noDexie(false)],
        patterns: [
          {
            regex: upTo(depth, NOT_FROM_CORE),
            message: 'src/core is pure: it imports nothing from storage, browser glue, pages or the CLI (STYLE.md §2).',
          },
        ],
      },
    ],
  },
}));

export default defineConfig(
  { name: 'ignores', ignores: ['dist/', '.tmp/', 'web-ext-artifacts/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'globals',
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Functions these scripts hand to page.evaluate() run in extension pages.
    name: 'globals/extension-pages',
    files: ['scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    name: 'house',
    rules: {
      // `_name` marks a binding left out on purpose (`const { id: _id, ...rest } = record`), as tsc's noUnused* allow.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // ---- Boundaries (one block per area, so each file gets exactly one set of restrictions) ----
  ...coreBlocks,
  {
    name: 'boundaries/core-globals',
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'src/core never touches a browser API (STYLE.md §2).' },
        { name: 'browser', message: 'src/core never touches a browser API (STYLE.md §2).' },
      ],
    },
  },
  {
    name: 'boundaries/content',
    files: ['src/content/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noDexie(false)],
          patterns: [{ regex: '^(\\.\\./)+storage(/|$)', message: 'The content script extracts; it never stores anything (STYLE.md layout).' }],
        },
      ],
    },
  },
  {
    name: 'boundaries/ui',
    files: ['src/{popup,options,reader,ui,views,features,library}/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noDexie(true)],
          patterns: [
            ...writerPatterns,
            { regex: '^(\\.\\./)+background(/|$)', message: 'Extension pages talk to the background by message (src/messages.ts), not by import.' },
          ],
        },
      ],
    },
  },
  {
    // Everything else in src that is neither the background nor storage: cli, messages.ts, platform…
    name: 'boundaries/no-writers',
    files: ['src/**'],
    ignores: ['src/background/**', 'src/storage/**', 'src/core/**', 'src/content/**', 'src/cli/**', 'src/{popup,options,reader,ui,views,features,library}/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noDexie(true)], patterns: writerPatterns }],
    },
  },
  {
    // The CLI's `save` and `import` write a library of their own: a library file opened in memory (fake-indexeddb)
    // through the storage writers, so it follows the extension's rules instead of a copy of them.
    // It never opens a browser's database. Dexie stays behind src/storage.
    name: 'boundaries/cli',
    files: ['src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noDexie(true)] }],
    },
  },
  {
    name: 'boundaries/background',
    files: ['src/background/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noDexie(true)] }],
    },
  },
);
