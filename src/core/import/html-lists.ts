import { fromUnixTime } from './import-dates';
import { importItem, type ImportItem, type ImportParse, type ImportSkip } from './import-item';
import { checkImportUrl } from './import-url';
import { htmlTags, textUntilClose } from './html-tokens';

/**
 * The exports that are HTML lists of links:
 * - Pocket's older export: `<h1>Unread</h1>` / `<h1>Read Archive</h1>`, each followed by a list
 *   of `<a href time_added tags>` (tags comma-separated);
 * - Netscape bookmarks (every browser's bookmark export): `<DT><A HREF ADD_DATE TAGS>`, inside
 *   `<DT><H3>` folders; the folders become tags (the browsers' own roots excepted).
 */

export function isPocketHtml(text: string): boolean {
  return /<title>\s*Pocket Export\s*<\/title>/i.test(text) || (/<h1>\s*Unread\s*<\/h1>/i.test(text) && /time_added\s*=/i.test(text));
}

export function isBookmarksHtml(text: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(text) || (/<dl>/i.test(text) && /<dt>\s*<a\s[^>]*href/i.test(text));
}

export function parsePocketHtml(html: string): ImportParse {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  let archived = false;
  let n = 0;
  for (const tag of htmlTags(html)) {
    if (tag.name === 'h1') archived = /archive/i.test(textUntilClose(html, tag.end, 'h1'));
    if (tag.name !== 'a') continue;
    n++;
    const url = checkImportUrl(tag.attrs['href']);
    if (!url.ok) {
      skipped.push({ where: `link ${n}`, reason: url.reason });
      continue;
    }
    items.push(
      importItem(url.url, {
        title: textUntilClose(html, tag.end, 'a') || null,
        savedAt: fromUnixTime(tag.attrs['time_added']),
        tags: (tag.attrs['tags'] ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        archived,
      }),
    );
  }
  return { format: 'pocket-html', items, skipped };
}

/** Folders every browser puts at the top: where a bookmark is kept, not what it is about. */
const ROOT_FOLDERS = new Set(['bookmarks bar', 'bookmarks toolbar', 'bookmarks menu', 'other bookmarks', 'mobile bookmarks', 'favorites bar', 'bookmarks']);

export function parseBookmarks(html: string): ImportParse {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  const folders: (string | null)[] = [];
  let pendingFolder: string | null = null;
  let n = 0;
  for (const tag of htmlTags(html)) {
    if (tag.name === 'h3') pendingFolder = textUntilClose(html, tag.end, 'h3');
    else if (tag.name === 'dl') {
      folders.push(pendingFolder);
      pendingFolder = null;
    } else if (tag.name === '/dl') folders.pop();
    else if (tag.name === 'a') {
      n++;
      const url = checkImportUrl(tag.attrs['href']);
      if (!url.ok) {
        // Bookmarklets are common in bookmark files: skipped, with the reason, like any bad address.
        skipped.push({ where: `bookmark ${n}`, reason: url.reason });
        continue;
      }
      const path = folders.filter((f): f is string => !!f && !ROOT_FOLDERS.has(f.toLowerCase()));
      const own = (tag.attrs['tags'] ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      items.push(
        importItem(url.url, { title: textUntilClose(html, tag.end, 'a') || null, savedAt: fromUnixTime(tag.attrs['add_date']), tags: [...path, ...own] }),
      );
    }
  }
  return { format: 'bookmarks', items, skipped };
}
