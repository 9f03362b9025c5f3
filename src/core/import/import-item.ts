/**
 * The one shape every export file becomes (issue #15): what a service kept about one saved page.
 * Parsers fill it from the file alone; nothing here is fetched or stored yet.
 */

/** The export formats we read, told apart by their content (detect.ts), never by the file name. */
export type ImportFormat = 'pocket-csv' | 'pocket-html' | 'omnivore' | 'instapaper' | 'wallabag' | 'readwise' | 'bookmarks' | 'url-list' | 'saved-html';

/** How the preview and the docs name each format. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  'pocket-csv': 'Pocket export (CSV)',
  'pocket-html': 'Pocket export (HTML)',
  omnivore: 'Omnivore export (zip)',
  instapaper: 'Instapaper export (CSV)',
  wallabag: 'wallabag export (JSON)',
  readwise: 'Readwise Reader export (CSV)',
  bookmarks: 'Browser bookmarks (HTML)',
  'url-list': 'List of web addresses',
  'saved-html': 'Saved web page (HTML)',
};

/** A passage the user highlighted in the other service, with the note they wrote on it. */
export interface ImportHighlight {
  quote: string;
  note: string | null;
  /** ISO time the highlight was made there, when the export says (wallabag does, Omnivore's Markdown does not). */
  createdAt?: string | null;
}

export interface ImportItem {
  /** An absolute http(s) address (anything else is skipped with a reason). */
  url: string;
  /** The title the service kept; null when it kept none (the extractor's title is used then). */
  title: string | null;
  /** ISO time the user saved it in the other service; null when the file does not say. */
  savedAt: string | null;
  /** Tags as the service had them (labels, folders), not yet cleaned. */
  tags: string[];
  archived: boolean;
  favourite: boolean;
  /** How far it was read, 0..1; null when unknown. */
  progress: number | null;
  /** The page or article HTML when the export carries it (Omnivore, wallabag, saved HTML): no fetch needed. */
  contentHtml: string | null;
  /** Highlights the service exported with it (Omnivore, wallabag): stored as anchored highlights of the saved article. */
  highlights: ImportHighlight[];
}

/** An entry of the file that was not taken, and why (shown in the preview and the report). */
export interface ImportSkip {
  /** Where in the file: "line 12", "entry 3", "content/foo.html". */
  where: string;
  reason: string;
}

export interface ImportParse {
  format: ImportFormat;
  items: ImportItem[];
  skipped: ImportSkip[];
}

/** A file that cannot be imported at all: refused whole, with a sentence for the user. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

/** The largest export file read (issue #15): beyond it the file is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** An item with the defaults for what the file does not say. */
export function importItem(url: string, fields: Partial<Omit<ImportItem, 'url'>> = {}): ImportItem {
  return {
    url,
    title: fields.title ?? null,
    savedAt: fields.savedAt ?? null,
    tags: fields.tags ?? [],
    archived: fields.archived ?? false,
    favourite: fields.favourite ?? false,
    progress: fields.progress ?? null,
    contentHtml: fields.contentHtml ?? null,
    highlights: fields.highlights ?? [],
  };
}
