import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { fraction } from './csv-formats';
import { fromDateText } from './import-dates';
import { importItem, ImportFormatError, MAX_IMPORT_BYTES, type ImportHighlight, type ImportItem, type ImportParse, type ImportSkip } from './import-item';
import { checkImportUrl } from './import-url';

/**
 * Omnivore's export zip: `metadata_<from>_to_<to>.json` files (arrays of `{id, slug, title,
 * author, url, state: Active|Archived, readingProgress (0–100), labels, savedAt, publishedAt…}`),
 * the article as `content/<slug>.html`, the highlights as `highlights/<slug>.md`.
 */

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function unzipExport(bytes: Uint8Array): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        // A zip bomb (or just a huge export) is refused before it is inflated.
        if (total > MAX_IMPORT_BYTES)
          throw new ImportFormatError('This zip file holds more than 200 MB once unpacked, more than an import takes. Nothing was imported.');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw new ImportFormatError(
      'This zip file is damaged or incomplete (it may have been cut off while downloading). Nothing was imported; download the export again.',
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function parseOmnivoreZip(files: Unzipped): ImportParse {
  const metadata = Object.keys(files)
    .filter((name) => /(^|\/)metadata_\d+_to_\d+\.json$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (!metadata.length) {
    throw new ImportFormatError('This zip file is not an Omnivore export (it has no metadata_*_to_*.json). Nothing was imported.');
  }
  const root = metadata[0]!.slice(0, metadata[0]!.lastIndexOf('/') + 1);
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  for (const name of metadata) {
    let entries: unknown;
    try {
      entries = JSON.parse(strFromU8(files[name]!));
    } catch {
      throw new ImportFormatError(`This Omnivore export is damaged (${name} is not valid JSON). Nothing was imported.`);
    }
    if (!Array.isArray(entries)) throw new ImportFormatError(`This Omnivore export is damaged (${name} holds no list of articles). Nothing was imported.`);
    entries.forEach((entry, i) => {
      const where = `${name} entry ${i + 1}`;
      if (!isObject(entry)) return skipped.push({ where, reason: 'not an article entry' });
      const url = checkImportUrl(text(entry['url']));
      if (!url.ok) return skipped.push({ where, reason: url.reason });
      if (entry['state'] === 'Deleted') return skipped.push({ where, reason: 'deleted in Omnivore' });
      const slug = text(entry['slug']);
      const content = slug ? files[`${root}content/${slug}.html`] : undefined;
      const highlights = slug ? files[`${root}highlights/${slug}.md`] : undefined;
      items.push(
        importItem(url.url, {
          title: text(entry['title']),
          savedAt: fromDateText(entry['savedAt']),
          tags: labelsOf(entry['labels']),
          archived: entry['state'] === 'Archived',
          progress: fraction(entry['readingProgress']),
          contentHtml: content ? strFromU8(content) : null,
          highlights: highlights ? parseHighlightsMarkdown(strFromU8(highlights)) : [],
        }),
      );
    });
  }
  return { format: 'omnivore', items, skipped };
}

/** Labels as names, or as `{name}` objects (both appear in exports from different releases). */
function labelsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((l) => (isObject(l) ? text(l['name']) : text(l))).filter((l): l is string => !!l);
}

/**
 * Omnivore's highlights file: each highlight a `> quote` block (with a ⤴️ link back to
 * Omnivore, dropped), then the user's note, if any, as the following paragraph(s).
 */
export function parseHighlightsMarkdown(markdown: string): ImportHighlight[] {
  const highlights: ImportHighlight[] = [];
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (lines.every((l) => l.startsWith('>'))) {
      const quote = lines
        .map((l) => l.replace(/^>\s?/, ''))
        .join('\n')
        .replace(/\s*\[⤴️?\]\([^)]*\)\s*$/u, '')
        .trim();
      if (quote) highlights.push({ quote, note: null });
    } else if (highlights.length && !/^#/.test(lines[0]!)) {
      const last = highlights[highlights.length - 1]!;
      last.note = last.note ? `${last.note}\n\n${lines.join('\n')}` : lines.join('\n');
    }
  }
  return highlights;
}
