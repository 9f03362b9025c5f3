import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { serializeBackup } from '../../core/backup/backup-write';
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
import { signCapture } from '../../storage/record-fields';
import type { CaptureRecord, ReadingRecord } from '../../storage/records';
import { VERSION } from '../command-line';
import { extractSavedPage } from '../extract-page';
import { InputError } from '../input-error';
import { fetchPage } from './fetch-page';
import { LibraryIndex, readLibrary } from './import-library';

export interface ImportArgs {
  file: string;
  library: string;
  fetch: boolean;
}

/** What became of each item: the report's lines. */
type Outcome =
  | { kind: 'added'; record: CaptureRecord; reading: ReadingRecord | null }
  | { kind: 'already' }
  | { kind: 'not-fetched' }
  | { kind: 'failed'; failure: ImportFailure };

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
 * with the extension's rules: the format told from the content, dedupe by address and by text
 * (importing twice adds nothing), the service's saved time, tags, states and progress kept. Pages
 * the export carries are extracted from it; the others are fetched with `--fetch` (one request
 * at a time per site, a few overall, retries on 429 / 5xx), else listed as not fetched.
 */
export async function importCommand(args: ImportArgs, log: (s: string) => void, now = new Date()): Promise<void> {
  const parse = readExport(args.file);
  const backup = readLibrary(args.library);
  const captures = backup.tables['captures']!;
  const reading = backup.tables['reading']!;
  const index = new LibraryIndex(captures.rows as CaptureRecord[]);
  log(`${FORMAT_NAMES[parse.format]}: ${summaryLine(summarize([parse]))}\n`);

  const decide = (item: ImportItem, html: string, url: string): Outcome => {
    const result = captureOf(html, url);
    if ('kind' in result) return { kind: 'failed', failure: result };
    // The export's address is the one the user saved: kept among the keys even after redirects.
    const capture = { ...result.capture, url: item.url };
    const signed = signCapture(capture);
    const byFinal = tryNormalizeUrl(url);
    if (index.find(byFinal ? [...signed.keys, byFinal] : signed.keys, signed.fingerprint)) return { kind: 'already' };
    const { record, reading } = importedRecord(capture, item, parse.format, now, result.raw);
    if (byFinal && !record.urlKeys.includes(byFinal)) record.urlKeys.push(byFinal);
    record.id = index.nextId();
    index.add(record);
    return { kind: 'added', record, reading: reading && { ...reading, captureId: record.id } };
  };

  const known = (item: ImportItem) => {
    const key = tryNormalizeUrl(item.url);
    return key !== null && !!index.find([key]);
  };
  // Carried content first (no network), then the pages to fetch, by host.
  const outcomes = new Map<ImportItem, Outcome>();
  for (const item of parse.items) {
    if (known(item)) outcomes.set(item, { kind: 'already' });
    else if (item.contentHtml !== null) outcomes.set(item, decide(item, item.contentHtml, item.url));
    else if (!args.fetch) outcomes.set(item, { kind: 'not-fetched' });
  }
  const toFetch = parse.items.filter((item) => !outcomes.has(item));
  const started = Date.now();
  await runPerHost(
    toFetch,
    (item) => new URL(item.url).host,
    async (item) => {
      // The same address twice in one file: the second finds the first.
      if (known(item)) return outcomes.set(item, { kind: 'already' });
      const page = await fetchPage(item.url);
      outcomes.set(item, page.ok ? decide(item, page.html, page.url) : { kind: 'failed', failure: page.failure });
    },
    { overall: MAX_CONCURRENT, perHost: MAX_PER_HOST },
  );

  const all = parse.items.map((item) => [item, outcomes.get(item)!] as const);
  const added = all.flatMap(([, o]) => (o.kind === 'added' ? [o] : []));
  captures.rows.push(...added.map((o) => o.record));
  reading.rows.push(...added.flatMap((o) => (o.reading ? [o.reading] : [])));
  if (added.length || !statExists(args.library)) writeFileSync(args.library, await serializeBackup(backup, `clean-capture CLI ${VERSION} (import)`, now));

  const count = (kind: Outcome['kind']) => all.filter(([, o]) => o.kind === kind).length;
  const fetched = toFetch.length ? `, ${toFetch.length} pages fetched in ${((Date.now() - started) / 1000).toFixed(1)} s` : '';
  log(`imported ${added.length} into ${args.library}; ${count('already')} already in the library; ${count('failed')} failed${fetched}\n`);
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
