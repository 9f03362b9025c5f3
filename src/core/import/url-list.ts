import { importItem, ImportFormatError, type ImportItem, type ImportParse, type ImportSkip } from './import-item';
import { checkImportUrl } from './import-url';

/**
 * A plain list of addresses, one a line (blank lines and `#` comments ignored). A line that is
 * not an http(s) address (`javascript:`, `file:`, prose) is skipped with its reason.
 */
export function parseUrlList(text: string): ImportParse {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const url = checkImportUrl(line);
    if (url.ok) items.push(importItem(url.url));
    else skipped.push({ where: `line ${i + 1}`, reason: url.reason });
  });
  if (!items.length && skipped.length === 0) throw new ImportFormatError('This file is empty: there is nothing to import.');
  if (!items.length) {
    throw new ImportFormatError(
      'This file is not an export Clean Capture knows (Pocket, Omnivore, Instapaper, wallabag, Readwise Reader, bookmarks, saved pages) nor a list of web addresses. Nothing was imported.',
    );
  }
  return { format: 'url-list', items, skipped };
}
