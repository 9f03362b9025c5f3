import { strToU8, zipSync, type Zippable } from 'fflate';
import { exportFileNames } from './export-names';
import { safeBaseName } from './filename';
import { toMarkdown } from './markdown';
import type { SavedArticle } from '../shared/capture';
import { DEFAULT_FILE_NAME_TEMPLATE } from './template';
import { extensionOf, imageSources } from './zip-export';

/**
 * One article as Markdown with its stored images as files beside it (issue 13): the shape a notes
 * folder wants (an Obsidian vault, a notes repo). The same files go into a zip, a folder the user
 * picked, or a subfolder of Downloads; only the writer differs.
 */
export type ImageLinkStyle = 'relative' | 'wikilink';

/** A stored copy of an image: its content hash (SHA-256, hex) names the file. */
export interface StoredImageFile {
  hash: string;
  blob: Blob;
}

export interface ImageFile {
  /** The file name, without folder: the hash's first 16 hex digits + an extension from the stored MIME type. */
  name: string;
  blob: Blob;
  /** The addresses in the article that show this file (one file per stored image, however often it is used). */
  urls: string[];
}

export interface MarkdownFilesOptions {
  fileNameTemplate?: string;
  frontMatterTemplate?: string;
  /** The images' folder, relative to the Markdown file ("assets", "attachments/clips"; "" = beside it). */
  assetFolder: string;
  linkStyle: ImageLinkStyle;
  /** The article's highlights as a section or ==marks== (issue #16); inline needs `parse`. */
  highlights?: 'section' | 'inline';
  parse?: (html: string) => Document;
}

/** 16 hex digits (64 bits) keep names short and distinct across a whole vault. */
const HASH_DIGITS = 16;

/** The stable, safe file name of a stored image. */
export function imageFileName(image: StoredImageFile, url: string): string {
  const stem = /^[0-9a-f]+$/i.test(image.hash) ? image.hash.slice(0, HASH_DIGITS).toLowerCase() : safeBaseName(image.hash, 'image');
  return `${stem}.${extensionOf(image.blob, url)}`;
}

/** The article's images that have a stored copy, one file per stored image, in order of first use. */
export function articleImageFiles(article: SavedArticle, stored: Map<string, StoredImageFile>): ImageFile[] {
  const byName = new Map<string, ImageFile>();
  for (const url of imageSources(article.contentHtml, article)) {
    const image = stored.get(url);
    if (!image) continue;
    const name = imageFileName(image, url);
    const file = byName.get(name);
    if (file) file.urls.push(url);
    else byName.set(name, { name, blob: image.blob, urls: [url] });
  }
  return [...byName.values()];
}

/** The folder setting as path segments, each made safe ("" and "." are the Markdown file's own folder). */
export function folderSegments(folder: string): string[] {
  return folder
    .split(/[/\\]+/)
    .map((part) => part.trim())
    .filter((part) => part && part !== '.' && part !== '..')
    .map((part) => safeBaseName(part, 'assets'));
}

/**
 * The Markdown, its images linked to the files `nameOf` gives (a writer that found a different file
 * under an image's name gives the numbered one); images without a file keep their web address.
 */
export function markdownWithImages(article: SavedArticle, files: ImageFile[], options: MarkdownFilesOptions, nameOf = (file: ImageFile) => file.name): string {
  const byUrl = new Map<string, string>();
  for (const file of files) for (const url of file.urls) byUrl.set(url, nameOf(file));
  const folder = folderSegments(options.assetFolder).join('/');
  const common = { frontMatterTemplate: options.frontMatterTemplate, highlights: options.highlights, parse: options.parse };
  if (options.linkStyle === 'wikilink') {
    // Obsidian finds an embedded file by its name anywhere in the vault: no folder, no escaping.
    return toMarkdown(article, { ...common, imageEmbed: (src) => (byUrl.has(src) ? `![[${byUrl.get(src)}]]` : null) });
  }
  return toMarkdown(article, {
    ...common,
    // Spaces and parentheses in the path are percent-encoded by toMarkdown, as in any link.
    imagePath: (src) => (byUrl.has(src) ? (folder ? `${folder}/${byUrl.get(src)}` : byUrl.get(src)!) : null),
  });
}

/** The Markdown file's name from the file-name template. */
export function markdownFileName(article: SavedArticle, template = DEFAULT_FILE_NAME_TEMPLATE): string {
  return exportFileNames([article], 'md', template)[0]!;
}

/** The article as a zip: `<name>.md` and the images under the asset folder. */
export async function markdownZip(article: SavedArticle, files: ImageFile[], options: MarkdownFilesOptions): Promise<{ name: string; bytes: Uint8Array }> {
  const mdName = markdownFileName(article, options.fileNameTemplate);
  const folder = folderSegments(options.assetFolder);
  const entries: Zippable = { [mdName]: [strToU8(markdownWithImages(article, files, options)), { level: 6 }] };
  for (const file of files) {
    // Photos are compressed already: stored as they are.
    entries[[...folder, file.name].join('/')] = [new Uint8Array(await file.blob.arrayBuffer()), { level: 0 }];
  }
  return { name: `${mdName.slice(0, -3)}.zip`, bytes: zipSync(entries, { mtime: new Date(article.capturedAt) }) };
}
