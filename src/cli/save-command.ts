import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packRawHtml } from '../core/extract/raw-page';
import type { Capture } from '../core/shared/capture';
import { errorMessage, isCaptureError } from '../core/shared/errors';
import { plural } from '../core/shared/plural';
import { saveCapture } from '../storage/captures';
import { VERSION } from './command-line';
import { decodeHtml, notHtmlKind } from './decode';
import { extractSavedPage } from './extract-page';
import { downloadPage, isWebAddress } from './fetch-page';
import { InputError } from './input-error';
import { imageUrlsOf, keepImages } from './keep-images';
import { openLibraryFile, writeLibraryFile, type LibraryFile } from './library-file';

/**
 * `save`: pages into a library file, through the extension's own save (storage/captures.ts: the
 * same dedupe and version rules) and image store (background/store-images.ts: one copy per
 * SHA-256, the same size caps from the file's settings). A page that fails is reported and
 * skipped; the others are still saved, and the file is written once, at the end.
 */
export interface SaveArgs {
  inputs: string[];
  library: string;
}

async function readInput(input: string): Promise<{ html: string; url: string }> {
  let bytes: Uint8Array;
  let url: string;
  if (isWebAddress(input)) ({ bytes, url } = await downloadPage(input));
  else {
    try {
      if (statSync(input).isDirectory()) throw new InputError(`"${input}" is a directory, not a saved page`);
      bytes = readFileSync(input);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read "${input}": no such file`);
    }
    // Relative links and images resolve next to the file.
    url = pathToFileURL(resolve(input)).href;
  }
  const html = decodeHtml(bytes);
  const kind = notHtmlKind(bytes, html);
  if (kind) throw new InputError(`"${input}" is ${kind === 'not HTML' ? 'not an HTML page' : `${kind}, not an HTML page`}`);
  return { html, url };
}

async function saveOne(library: LibraryFile, input: string, now: Date): Promise<string> {
  const { html, url } = await readInput(input);
  const capture = extractSavedPage(html, url);
  const saved = await saveCapture(library.db, { ...capture, rawHtmlGzip: packRawHtml(html) } as Capture, now);
  const id = saved.record.id!;
  const label = { saved: 'saved', 'already-saved': 'already saved', updated: 'updated (new version)' }[saved.status];
  const { note: images } = await keepImages(library, id, saved.status, imageUrlsOf(capture, url), now);
  return `${label}: "${saved.record.title}"${images}`;
}

/** Returns how many inputs failed (the command exits 1 when any did). */
export async function saveCommand(args: SaveArgs, log: (s: string) => void, now = new Date()): Promise<number> {
  const library = await openLibraryFile(args.library);
  let failed = 0;
  for (const input of args.inputs) {
    try {
      log(`${input}: ${await saveOne(library, input, now)}\n`);
    } catch (error) {
      failed++;
      const known = isCaptureError(error) || error instanceof InputError;
      log(`${input}: not saved: ${known ? error.message : errorMessage(error)}\n`);
    }
  }
  const total = await library.db.captures.count();
  if (failed === args.inputs.length) {
    log(`nothing saved; ${args.library} is unchanged\n`);
    return failed;
  }
  await writeLibraryFile(library, args.library, `clean-capture CLI ${VERSION} (save)`);
  log(`${args.library}: ${plural(total, 'article')} (${total - library.articlesBefore} new)\n`);
  library.db.close();
  return failed;
}
