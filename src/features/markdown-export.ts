import browser from 'webextension-polyfill';
import { formatNumber, t, tn } from '../platform/i18n';
import {
  articleImageFiles,
  folderSegments,
  markdownFileName,
  markdownWithImages,
  markdownZip,
  type ImageFile,
  type MarkdownFilesOptions,
} from '../core/export/markdown-files';
import { toMarkdown } from '../core/export/markdown';
import type { Settings } from '../core/shared/settings';
import { storedImageFiles } from '../storage/export-source';
import type { CaptureRecord } from '../storage/records';
import { downloadBlob } from '../platform/download';
import { forgetFolder, rememberFolder, savedFolder, type PermissionedHandle } from '../platform/folder-handle';
import { libraryDb } from '../platform/library-db';
import { writeArticleToFolder } from './folder-writer';
import { highlightsOf } from '../storage/highlight-queries';
import type { Highlight } from '../core/highlights/highlight';

/**
 * One article's Markdown with its stored images (issue 13): a zip download, a folder the user
 * picked (Chrome), a subfolder of Downloads (Firefox), or the clipboard (text only). Each returns
 * the sentence the page shows when it is done.
 */
function filesOptions(settings: Settings): MarkdownFilesOptions {
  return {
    fileNameTemplate: settings.fileNameTemplate,
    frontMatterTemplate: settings.frontMatterTemplate,
    assetFolder: settings.markdownAssetFolder,
    linkStyle: settings.markdownLinkStyle,
    highlights: settings.markdownHighlights,
    parse: parseHtml,
  };
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

async function imageFiles(record: CaptureRecord): Promise<ImageFile[]> {
  return articleImageFiles(record, await storedImageFiles(libraryDb(), record.id!));
}

/** The record with its highlights (issue #16): every Markdown it becomes carries them. */
async function withHighlights(record: CaptureRecord): Promise<CaptureRecord & { highlights: Highlight[] }> {
  return { ...record, highlights: record.id ? await highlightsOf(libraryDb(), record.id) : [] };
}

/** The Markdown and its images as one zip download. */
export async function downloadMarkdownZip(record: CaptureRecord, settings: Settings): Promise<string> {
  const files = await imageFiles(record);
  const zip = await markdownZip(await withHighlights(record), files, filesOptions(settings));
  downloadBlob(new Blob([zip.bytes as BlobPart], { type: 'application/zip' }), zip.name);
  return t('markdownDownloaded', zip.name, tn('images', files.length));
}

/** Markdown on the clipboard: images keep their web addresses (a clipboard cannot carry the files). */
export async function copyMarkdown(record: CaptureRecord, settings: Settings): Promise<string> {
  // The clipboard is written while the click's user activation lasts: read the highlights first.
  const article = await withHighlights(record);
  await navigator.clipboard.writeText(
    toMarkdown(article, { frontMatterTemplate: settings.frontMatterTemplate, highlights: settings.markdownHighlights, parse: parseHtml }),
  );
  return t('markdownCopied');
}

export const canPickFolder = () => typeof (window as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';

/**
 * The remembered folder with write access, asking again when Chrome has dropped the grant (it
 * does at restart), or a newly picked one. Call it from a click: both prompts need the gesture.
 */
async function writableFolder(): Promise<PermissionedHandle> {
  const saved = await savedFolder();
  if (saved) {
    const mode = { mode: 'readwrite' } as const;
    if ((await saved.queryPermission(mode)) === 'granted' || (await saved.requestPermission(mode)) === 'granted') return saved;
    throw new Error(t('folderNotAllowed', saved.name));
  }
  const pick = (window as unknown as { showDirectoryPicker(options: object): Promise<PermissionedHandle> }).showDirectoryPicker;
  const picked = await pick({ id: 'clean-capture-markdown', mode: 'readwrite' });
  await rememberFolder(picked);
  return picked;
}

/** Into the folder the user picked once (Chrome's File System Access API). */
export async function saveToFolder(record: CaptureRecord, settings: Settings): Promise<string> {
  let folder: PermissionedHandle;
  try {
    folder = await writableFolder();
  } catch (error) {
    if ((error as DOMException).name === 'AbortError') return t('folderNotChosen');
    throw error;
  }
  let result;
  try {
    result = await writeArticleToFolder(folder, await withHighlights(record), await imageFiles(record), filesOptions(settings));
  } catch (error) {
    // The folder was moved or deleted since it was picked: forget it, so the next click asks again.
    if ((error as DOMException).name !== 'NotFoundError') throw error;
    await forgetFolder();
    throw new Error(t('folderGone', folder.name), { cause: error });
  }
  const images = result.reused ? tn('imagesNewAndReused', result.written, formatNumber(result.reused)) : tn('images', result.written);
  return t('folderSaved', result.markdown, images, folder.name);
}

/**
 * Ask for the optional `downloads` permission. Firefox grants it only inside the click's own
 * call stack: call this first in the handler, before any await.
 */
export const requestDownloads = () => browser.permissions.request({ permissions: ['downloads'] });

/** Into a subfolder of Downloads (Firefox has no folder picker); Firefox numbers a name already taken. */
export async function saveToDownloads(record: CaptureRecord, settings: Settings, granted: Promise<boolean>): Promise<string> {
  if (!(await granted)) return t('downloadsNotAllowed');
  const options = filesOptions(settings);
  const files = await imageFiles(record);
  const root = folderSegments(settings.markdownDownloadsFolder);
  const assets = [...root, ...folderSegments(options.assetFolder)];
  const save = async (path: string[], blob: Blob) => {
    const url = URL.createObjectURL(blob);
    try {
      // An image's name is its content hash: a file already there under it holds the same picture,
      // so the link stays right even when Firefox saves this copy under a numbered name.
      await browser.downloads.download({ url, filename: path.join('/'), conflictAction: 'uniquify', saveAs: false });
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  };
  for (const file of files) await save([...assets, file.name], file.blob);
  const name = markdownFileName(record, options.fileNameTemplate);
  await save([...root, name], new Blob([markdownWithImages(await withHighlights(record), files, options)], { type: 'text/markdown;charset=utf-8' }));
  return t('downloadsSaved', name, tn('images', files.length), ['Downloads', ...root].join('/'));
}
