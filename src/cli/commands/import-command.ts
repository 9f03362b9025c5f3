import { readFileSync, statSync } from 'node:fs';
import { MAX_RAW_HTML_CHARS, packRawHtml } from '../../core/extract/raw-page';
import { MAX_CONCURRENT, MAX_PER_HOST, noArticleFailure, type ImportFailure } from '../../core/import/fetch-policy';
import { runPerHost } from '../../core/import/host-pool';
import { FORMAT_NAMES, ImportFormatError, MAX_IMPORT_BYTES, type ImportItem, type ImportParse } from '../../core/import/import-item';
import { parseImportFile } from '../../core/import/parse-import';
import { summarize, summaryLine } from '../../core/import/import-summary';
import { tryNormalizeUrl } from '../../core/library/url';
import type { Capture } from '../../core/shared/capture';
import { errorMessage, isCaptureError } from '../../core/shared/errors';
import { importedRecord } from '../../storage/import-record';
import { addImportedHighlights } from '../../storage/highlights';
import { anchorImportedHighlights } from '../../core/highlights/anchor-imported';
import { plural } from '../../core/shared/plural';
import { liveByUrlKeys } from '../../storage/capture-queries';
import { saveCapture } from '../../storage/captures';
import { VERSION } from '../command-line';
import { extractSavedPage } from '../extract-page';
import { InputError } from '../input-error';
import { fetchPage } from './fetch-page';
import { imageUrlsOf, keepImages } from '../keep-images';
import { openLibraryFile, writeLibraryFile } from '../library-file';

export interface ImportArgs {
  file: string;
  library: string;
  fetch: boolean;
}

/** What became of each item: the report's lines. */
type Outcome =
  { kind: 'added'; images: number; imagesFailed: number } | { kind: 'already' } | { kind: 'not-fetched' } | { kind: 'failed'; failure: ImportFailure };

function readExport(file: string): ImportParse {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`"${file}" is a directory, not an export file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read "${file}": no such file`);
  }
  // Refused from its size alone, before 200 MB are read into memory.
  if (size > MAX_IMPORT_BYTES) throw new InputError(`"${file}" is larger than 200 MB, more than an import takes; nothing was imported`);
  try {
    return parseImportFile({ name: file, bytes: new Uint8Array(readFileSync(file)) });
  } catch (error) {
    if (error instanceof ImportFormatError) throw new InputError(error.message);
    throw error;
  }
}

/** The capture of a page's HTML, or why there is none. */
function captureOf(html: string, url: string): { capture: Capture; raw: Uint8Array | undefined } | ImportFailure {
  try {
    return { capture: extractSavedPage(html, url), raw: html.length <= MAX_RAW_HTML_CHARS ? packRawHtml(html) : undefined };
  } catch (error) {
    return isCaptureError(error) && error.code === 'no-article' ? noArticleFailure() : { kind: 'no-article', message: errorMessage(error) };
  }
}

/**
 * `import`: an export file of another service into a library file (a backup, made when missing),
 * through the same storage code as `save`: the file opened as the extension's own database
 * (library-file.ts), each page saved by `saveCapture` with the record the extension's import
 * builds (storage/import-record.ts: the service's saved time, tags, states, progress, highlights),
 * so dedupe is the save's (importing twice adds nothing), and its images kept by the extension's
 * image store. The format is told from the content. Pages the export carries are extracted from
 * it; the others are fetched with `--fetch` (one request at a time per site, a few overall,
 * retries on 429 / 5xx), else listed as not fetched. Without `--fetch` nothing goes over the
 * network, images included.
 */
export async function importCommand(args: ImportArgs, log: (s: string) => void, now = new Date()): Promise<void> {
  const parse = readExport(args.file);
  const existed = statExists(args.library);
  const library = await openLibraryFile(args.library);
  log(`${FORMAT_NAMES[parse.format]}: ${summaryLine(summarize([parse]))}\n`);

  const known = async (url: string) => {
    const key = tryNormalizeUrl(url);
    return key !== null && (await liveByUrlKeys(library.db, [key]).count()) > 0;
  };

  const save = async (item: ImportItem, html: string, url: string): Promise<Outcome> => {
    const result = captureOf(html, url);
    if ('kind' in result) return { kind: 'failed', failure: result };
    // A page that redirected to an address the library has is that article.
    if (url !== item.url && (await known(url))) return { kind: 'already' };
    // The export's address is the one the user saved: kept among the keys even after redirects.
    const capture = { ...result.capture, url: item.url };
    // The export's highlights become highlight records below, as in the extension (not record data).
    const imported = importedRecord(capture, { ...item, highlights: [] }, parse.format, now, result.raw);
    const byFinal = tryNormalizeUrl(url);
    if (byFinal && !imported.record.urlKeys.includes(byFinal)) imported.record.urlKeys.push(byFinal);
    const saved = await saveCapture(library.db, capture, now, imported);
    if (saved.status !== 'saved') return { kind: 'already' };
    if (item.highlights.length) {
      const anchored = anchorImportedHighlights(saved.record.textContent, item.highlights, saved.record.capturedAt);
      await addImportedHighlights(library.db, saved.record.id!, anchored);
    }
    // Images go over the network: only with --fetch, for fetched pages and carried content alike.
    const images = args.fetch ? await keepImages(library, saved.record.id!, saved.status, imageUrlsOf(result.capture, url), now) : null;
    return { kind: 'added', images: images?.stored ?? 0, imagesFailed: images?.failed ?? 0 };
  };

  // Carried content first (no network), then the pages to fetch, by host.
  const outcomes = new Map<ImportItem, Outcome>();
  for (const item of parse.items) {
    if (await known(item.url)) outcomes.set(item, { kind: 'already' });
    else if (item.contentHtml !== null) outcomes.set(item, await save(item, item.contentHtml, item.url));
    else if (!args.fetch) outcomes.set(item, { kind: 'not-fetched' });
  }
  const toFetch = parse.items.filter((item) => !outcomes.has(item));
  const started = Date.now();
  await runPerHost(
    toFetch,
    (item) => new URL(item.url).host,
    async (item) => {
      // The same address twice in one file: the second finds the first.
      if (await known(item.url)) return outcomes.set(item, { kind: 'already' });
      const page = await fetchPage(item.url);
      outcomes.set(item, page.ok ? await save(item, page.html, page.url) : { kind: 'failed', failure: page.failure });
    },
    { overall: MAX_CONCURRENT, perHost: MAX_PER_HOST },
  );

  const all = parse.items.map((item) => [item, outcomes.get(item)!] as const);
  const added = all.flatMap(([, o]) => (o.kind === 'added' ? [o] : []));
  // Written once, at the end, and only when something changed (or the library is new).
  if (added.length || !existed) await writeLibraryFile(library, args.library, `clean-capture CLI ${VERSION} (import)`);
  library.db.close();

  const count = (kind: Outcome['kind']) => all.filter(([, o]) => o.kind === kind).length;
  const fetched = toFetch.length ? `, ${toFetch.length} pages fetched in ${((Date.now() - started) / 1000).toFixed(1)} s` : '';
  const kept = added.reduce((n, o) => n + o.images, 0);
  const notKept = added.reduce((n, o) => n + o.imagesFailed, 0);
  const images = args.fetch ? `, ${plural(kept, 'image')} kept${notKept ? `, ${notKept} not kept` : ''}` : '';
  log(`imported ${added.length} into ${args.library}; ${count('already')} already in the library; ${count('failed')} failed${fetched}${images}\n`);
  const notFetched = count('not-fetched');
  if (notFetched) log(`${notFetched} pages carry no article in the export: run again with --fetch to capture them\n`);
  const failed = all.flatMap(([item, o]) => (o.kind === 'failed' ? [`  ${item.url}: ${o.failure.message}`] : []));
  if (failed.length) log(`failed:\n${failed.join('\n')}\n`);
  if (parse.skipped.length) log(`skipped in the file:\n${parse.skipped.map((s) => `  ${s.where}: ${s.reason}`).join('\n')}\n`);
}

function statExists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
