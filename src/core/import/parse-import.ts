import { looksLikeCsv, parseCsvExport } from './csv-formats';
import { isBookmarksHtml, isPocketHtml, parseBookmarks, parsePocketHtml } from './html-lists';
import { ImportFormatError, MAX_IMPORT_BYTES, type ImportParse } from './import-item';
import { isZip, parseOmnivoreZip, unzipExport } from './omnivore';
import { isSavedHtml, parseSavedHtml } from './saved-html';
import { parseUrlList } from './url-list';
import { isWallabagJson, notWallabag, parseWallabag } from './wallabag';

/** One file the user chose: its name (for messages only) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * An export file → its items, the format told from the content (a Pocket CSV renamed .txt is
 * still a Pocket CSV). Throws ImportFormatError, with a sentence for the user, for a file that
 * cannot be imported at all; entries that cannot be taken are in `skipped` with their reason.
 */
export function parseImportFile(file: ImportFile): ImportParse {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFormatError(
      `"${file.name}" is larger than 200 MB, more than an import takes. Nothing was imported; split the export, or export fewer articles.`,
    );
  }
  if (isZip(file.bytes)) return parseOmnivoreZip(unzipExport(file.bytes));
  const text = new TextDecoder('utf-8').decode(file.bytes);
  const start = text.trimStart();
  if (!start) throw new ImportFormatError(`"${file.name}" is empty: there is nothing to import.`);
  if (start.startsWith('[') || start.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ImportFormatError(`"${file.name}" is not valid JSON (it may be cut off). Nothing was imported.`);
    }
    // wallabag wraps nothing; some tools save the list under a key.
    const list = Array.isArray(value) ? value : Object.values(value as object).find(Array.isArray);
    if (!isWallabagJson(list)) throw notWallabag();
    return parseWallabag(list);
  }
  if (isPocketHtml(text)) return parsePocketHtml(text);
  if (isBookmarksHtml(text)) return parseBookmarks(text);
  if (isSavedHtml(text)) return parseSavedHtml(text, file.name);
  if (looksLikeCsv(text)) return parseCsvExport(text);
  return parseUrlList(text);
}
