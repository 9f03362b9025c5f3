/** What eval.mjs and bench.mjs share: paths, options, the corpus reader and the two extractors. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The corpus sits next to the project checkout (../shared/corpus), never at a fixed machine path. */
export const DEFAULT_CORPUS = join(root, '..', 'shared', 'corpus');

/** Mozilla's test suite loads its pages from this URL; the metadata pages' real URLs are unknown. */
export const METADATA_URL = 'http://fakehost/test/page.html';

/**
 * Options (`--name value` / `--name=value`), resolved against the cwd as paths unless named in
 * `plain`; anything else exits 2.
 */
export function parseOptions(argv, names, usage, plain = []) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [null];
    if (arg === '--help' || arg === '-h') exit(usage, 0);
    if (!flag || !names.includes(flag)) exit(`unknown argument "${arg}"\n${usage}`, 2);
    const value = inline ?? argv[++i];
    if (value === undefined) exit(`--${flag} needs a value\n${usage}`, 2);
    options[flag] = plain.includes(flag) ? value : resolve(value);
  }
  return options;
}

function exit(message, code) {
  (code ? process.stderr : process.stdout).write(`${message}\n`);
  process.exit(code);
}

/**
 * The extractor as the CLI bundle runs it (dist/cli/lib.mjs, built by `--cli-only`), so eval and
 * bench measure shipped code, not the TypeScript sources.
 */
export async function loadLib() {
  const lib = join(root, 'dist', 'cli', 'lib.mjs');
  if (!existsSync(lib)) exit('dist/cli/lib.mjs is missing: run `node scripts/build.mjs --cli-only` first', 2);
  return import(pathToFileURL(lib).href);
}

const gunzipText = (file) => gunzipSync(readFileSync(file)).toString('utf8');

/** The main-text sets of the corpus (see its README), each `<set>/ground-truth.json` + `html/`. */
export const TEXT_SETS = ['articles', 'l3s-gn1', 'dragnet'];

/** A text set: `{ id, url, html, expected }` for each page of ground-truth.json, in its order. */
export function readArticles(corpus, set = 'articles') {
  const dir = join(corpus, set);
  if (!existsSync(join(dir, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  return Object.entries(truth).map(([id, { articleBody, url }]) => ({
    id,
    url,
    html: gunzipText(join(dir, 'html', `${id}.html.gz`)),
    expected: articleBody,
  }));
}

/** metadata/: `{ id, html, expected }` per page directory, sorted by name. */
export function readMetadataPages(corpus) {
  const dir = join(corpus, 'metadata');
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => ({
      id,
      html: gunzipText(join(dir, id, 'source.html.gz')),
      expected: JSON.parse(readFileSync(join(dir, id, 'expected-metadata.json'), 'utf8')),
    }));
}

/** Our extractor; a 'no-article' verdict is an empty result, anything else is a real failure. */
export function runOurs(lib, html, url) {
  try {
    return { capture: lib.extractSavedPage(html, url), error: null };
  } catch (error) {
    if (lib.isCaptureError(error) && error.code === 'no-article') return { capture: null, error: null };
    return { capture: null, error: String(error?.stack ?? error) };
  }
}

/** Raw Readability 0.6.0 on the same DOM library and document setup as ours: the baseline. */
export function runReadability(lib, html, url) {
  try {
    return { article: new Readability(lib.parseDocument(html, url)).parse(), error: null };
  } catch (error) {
    return { article: null, error: String(error?.stack ?? error) };
  }
}
