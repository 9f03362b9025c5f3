import { SAMPLE_ARTICLE } from '../export/sample-article';
import { folderSegments, type ImageLinkStyle } from '../export/markdown-files';
import { checkFrontMatterTemplate, DEFAULT_FILE_NAME_TEMPLATE, DEFAULT_FRONT_MATTER_TEMPLATE, renderFileName } from '../export/template';

/**
 * User settings: one typed object with defaults, validated whenever it is read (stored data is
 * never trusted: an old or hand-edited value falls back to its default instead of breaking a page).
 * Features add their fields here; the options page has one section per feature.
 */
export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark';
export type ReaderFont = 'serif' | 'sans';
export type ReaderSize = 'S' | 'M' | 'L' | 'XL';
export type ReaderWidth = 'narrow' | 'medium' | 'wide';

export interface Settings {
  /** Opening the popup saves the current tab (like Pocket). */
  saveOnPopupOpen: boolean;
  /** Keep the article's images offline (fetched at capture, stored in the library). */
  keepImages: boolean;
  /** Largest stored size of one image, in bytes; larger images are downscaled to fit. */
  imageMaxBytes: number;
  /** Largest total of stored images for one capture, in bytes; images past it are skipped. */
  captureImagesMaxBytes: number;
  /** Reader look, remembered for every article (issue #6). */
  readerTheme: ReaderTheme;
  readerFont: ReaderFont;
  readerSize: ReaderSize;
  readerWidth: ReaderWidth;
  /** Export file names (template.ts variables), without extension. */
  fileNameTemplate: string;
  /** Export front matter: one `key: {variable}` line per field (template.ts). */
  frontMatterTemplate: string;
  /** In a zip: images packed into assets/ (relative links) or left as remote URLs. */
  zipImages: 'assets' | 'remote';
  /** One article's Markdown with its images: the images' folder, relative to the .md file ("" = beside it). */
  markdownAssetFolder: string;
  /** How the Markdown links its images: `![alt](assets/x.jpg)` or Obsidian's `![[x.jpg]]`. */
  markdownLinkStyle: ImageLinkStyle;
  /** Where Firefox saves Markdown with images (it has no folder picker): this subfolder of Downloads. */
  markdownDownloadsFolder: string;
  /** Highlights in Markdown (issue #16): a "Highlights" section of quotes with notes, or ==marks== in the text. */
  markdownHighlights: 'section' | 'inline';
}

export const MB = 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  saveOnPopupOpen: true,
  keepImages: true,
  imageMaxBytes: 2 * MB,
  captureImagesMaxBytes: 25 * MB,
  readerTheme: 'system',
  readerFont: 'serif',
  readerSize: 'M',
  readerWidth: 'medium',
  fileNameTemplate: DEFAULT_FILE_NAME_TEMPLATE,
  frontMatterTemplate: DEFAULT_FRONT_MATTER_TEMPLATE,
  zipImages: 'assets',
  markdownAssetFolder: 'assets',
  markdownLinkStyle: 'relative',
  markdownDownloadsFolder: 'Clean Capture',
  markdownHighlights: 'section',
};

type Validator<T> = (value: unknown) => value is T;
const isBoolean: Validator<boolean> = (v): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string>(...values: T[]): Validator<T> =>
  (v): v is T =>
    values.includes(v as T);
/** Whole bytes between 16 KB and 1 GB: smaller caps would make every photo unreadable. */
const isByteCap: Validator<number> = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 16 * 1024 && v <= 1024 * MB;

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  saveOnPopupOpen: isBoolean,
  keepImages: isBoolean,
  imageMaxBytes: isByteCap,
  captureImagesMaxBytes: isByteCap,
  readerTheme: oneOf('system', 'light', 'sepia', 'dark'),
  readerFont: oneOf('serif', 'sans'),
  readerSize: oneOf('S', 'M', 'L', 'XL'),
  readerWidth: oneOf('narrow', 'medium', 'wide'),
  fileNameTemplate: (v): v is string => typeof v === 'string' && v.length <= 200 && templateOk(() => renderFileName(v, SAMPLE_ARTICLE)) && /\{\w+\}/.test(v),
  frontMatterTemplate: (v): v is string => typeof v === 'string' && v.length <= 4000 && templateOk(() => checkFrontMatterTemplate(v)),
  zipImages: (v): v is 'assets' | 'remote' => v === 'assets' || v === 'remote',
  markdownAssetFolder: (v): v is string => isFolderPath(v, true),
  markdownLinkStyle: oneOf('relative', 'wikilink'),
  markdownDownloadsFolder: (v): v is string => isFolderPath(v, false),
  markdownHighlights: (v): v is 'section' | 'inline' => v === 'section' || v === 'inline',
};

/** A relative folder path kept as typed only when every part is already a safe name (no "..", no "C:"). */
function isFolderPath(v: unknown, emptyAllowed: boolean): v is string {
  if (typeof v !== 'string' || v.length > 120) return false;
  if (!v) return emptyAllowed;
  return !/^[/\\]|[/\\]$/.test(v) && folderSegments(v).join('/') === v.replace(/\\/g, '/');
}

function templateOk(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/** Stored (possibly partial, old or corrupt) settings → complete, valid settings. */
export function normalizeSettings(stored: unknown): Settings {
  const input = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(VALIDATORS) as (keyof Settings)[]) {
    if ((VALIDATORS[key] as Validator<unknown>)(input[key])) out[key] = input[key];
  }
  return out as unknown as Settings;
}
