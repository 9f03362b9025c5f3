import type { Highlight } from '../highlights/highlight';
import type { Completeness } from '../extract/completeness';

/** The one shape a saved article has, everywhere: content script, storage, CLI JSON, export. */

/** Where a metadata value came from, in the order extract trusts them. */
export type MetaSource = 'jsonld' | 'opengraph' | 'meta' | 'time-element' | 'byline-heuristic' | 'date-heuristic' | 'readability' | 'document' | 'url';

export interface LeadImage {
  url: string;
  alt: string | null;
  caption: string | null;
}

export interface Capture {
  /** The address the page was captured from (as the browser had it). */
  url: string;
  /** rel=canonical / og:url when the page gives one (absolute), else `url`. */
  canonicalUrl: string;
  title: string;
  /** Authors joined for display ("A, B"); null when the page names none. */
  byline: string | null;
  authors: string[];
  siteName: string | null;
  /** ISO 8601 as precise as the page gives it; an offset only when the page gives one. */
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  keywords: string[];
  leadImage: LeadImage | null;
  /** Sanitized article HTML: no scripts, handlers, forms, iframes; links absolute. */
  contentHtml: string;
  /** Plain text of the article, blocks separated by blank lines. */
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /** For each metadata field, which signal gave it. */
  sources: Partial<Record<MetadataField, MetaSource>>;
  /** True when the user saved a selection rather than the whole article. */
  selectionOnly: boolean;
  /**
   * How much of the page's article was kept (0..1, with reasons); see core/extract/completeness.ts.
   * Always set by extract; absent on captures saved before it existed.
   */
  completeness?: Completeness;
}

export type MetadataField = 'title' | 'byline' | 'siteName' | 'published' | 'modified' | 'lang' | 'canonicalUrl' | 'excerpt' | 'leadImage' | 'keywords';

/** A capture as stored: the Capture plus when it was saved (and its tags, once tags exist). */
/** `highlights` (issue #16) are attached by whoever reads the library or a backup for an export. */
export type SavedArticle = Capture & { capturedAt: string; tags?: string[]; highlights?: Highlight[] };
