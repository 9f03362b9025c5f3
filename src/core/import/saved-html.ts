import { fromDateText } from './import-dates';
import { importItem, type ImportParse } from './import-item';
import { checkImportUrl } from './import-url';
import { decodeEntities, htmlTags, textUntilClose } from './html-tokens';

/**
 * A web page saved as one HTML file (the browser's "Save page as", SingleFile): imported from its
 * own HTML. The address it came from is read from what the savers write: SingleFile's comment
 * (`url:` and `saved date:`), Chrome's `<!-- saved from url=(0043)… -->`, else the page's
 * canonical link or og:url. A page that names no address is skipped: it could not be deduplicated
 * nor re-fetched.
 */
export function isSavedHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<meta|<title)/i.test(text.slice(0, 4096)) || /<html[\s>]/i.test(text.slice(0, 4096));
}

export function parseSavedHtml(html: string, fileName: string): ImportParse {
  const head = html.slice(0, Math.max(html.search(/<\/head>/i), 0) || 200_000);
  const singleFile = /Page saved with SingleFile[\s\S]*?url:\s*(\S+)(?:[\s\S]*?saved date:\s*([^\n]+))?/.exec(html.slice(0, 4096));
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  let title: string | null = null;
  for (const tag of htmlTags(head)) {
    if (tag.name === 'link' && /(^|\s)canonical(\s|$)/i.test(tag.attrs['rel'] ?? '')) canonical ??= tag.attrs['href'];
    if (tag.name === 'meta' && tag.attrs['property'] === 'og:url') ogUrl ??= tag.attrs['content'];
    if (tag.name === 'title' && title === null) title = textUntilClose(head, tag.end, 'title') || null;
  }
  const candidate = [singleFile?.[1], savedFrom?.[1], canonical, ogUrl].map((u) => (u ? decodeEntities(u) : u)).find((u) => u && checkImportUrl(u).ok);
  const url = checkImportUrl(candidate);
  if (!url.ok)
    return { format: 'saved-html', items: [], skipped: [{ where: fileName, reason: 'this saved page does not say which address it was saved from' }] };
  return {
    format: 'saved-html',
    items: [importItem(url.url, { title, savedAt: fromDateText(singleFile?.[2]?.replace(/\s*\(.*\)\s*$/, '')), contentHtml: html })],
    skipped: [],
  };
}
