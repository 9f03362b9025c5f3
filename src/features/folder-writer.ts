import { folderSegments, markdownFileName, markdownWithImages, type ImageFile, type MarkdownFilesOptions } from '../core/export/markdown-files';
import type { SavedArticle } from '../core/shared/capture';

/**
 * Writes one article and its images into a folder handle (the folder the user picked, or an OPFS
 * folder in tests). Nothing is ever overwritten: a Markdown file whose name is taken gets a
 * numbered name; an image whose name is taken is reused when the file there has the same bytes
 * (names come from content hashes, so this is the same picture saved earlier) and numbered otherwise.
 */
export interface FolderWrite {
  /** The Markdown file's name in the folder. */
  markdown: string;
  /** Image files written now, and images already there with the same bytes. */
  written: number;
  reused: number;
}

const numbered = (name: string, n: number) => {
  if (n === 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
};

async function existing(dir: FileSystemDirectoryHandle, name: string): Promise<File | null> {
  try {
    return await (await dir.getFileHandle(name)).getFile();
  } catch (error) {
    if ((error as DOMException).name === 'NotFoundError') return null;
    // A folder of that name (TypeMismatchError) also takes the name.
    if ((error as DOMException).name === 'TypeMismatchError') return new File([], name);
    throw error;
  }
}

async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Blob): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(data);
  await writable.close();
}

export async function writeArticleToFolder(
  dir: FileSystemDirectoryHandle,
  article: SavedArticle,
  files: ImageFile[],
  options: MarkdownFilesOptions,
): Promise<FolderWrite> {
  let assets = dir;
  for (const part of folderSegments(options.assetFolder)) assets = await assets.getDirectoryHandle(part, { create: true });
  const names = new Map<ImageFile, string>();
  let written = 0;
  let reused = 0;
  for (const file of files) {
    for (let n = 1; ; n++) {
      const name = numbered(file.name, n);
      const there = await existing(assets, name);
      if (there && !(await sameBytes(there, file.blob))) continue;
      if (there) reused++;
      else {
        await writeFile(assets, name, file.blob);
        written++;
      }
      names.set(file, name);
      break;
    }
  }
  const markdown = markdownWithImages(article, files, options, (file) => names.get(file)!);
  const base = markdownFileName(article, options.fileNameTemplate);
  for (let n = 1; ; n++) {
    const name = numbered(base, n);
    if (await existing(dir, name)) continue;
    await writeFile(dir, name, new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    return { markdown: name, written, reused };
  }
}
