import { exportFileNames } from '../core/export/export-names';
import { toMarkdown } from '../core/export/markdown';
import { toWebAnnotations } from '../core/highlights/web-annotation';
import { buildZip, type ZipResult } from '../core/export/zip-export';
import { captureSource } from '../storage/export-source';
import { highlightsOf } from '../storage/highlight-queries';
import type { CaptureRecord } from '../storage/records';
import { downloadBlob } from '../platform/download';
import { libraryDb } from '../platform/library-db';
import { loadSettings } from '../platform/settings-store';
import { formatSize, t, tn } from '../platform/i18n';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** One article as a Markdown file download (images stay remote URLs). Returns the file name. */
export async function exportMarkdown(record: CaptureRecord): Promise<string> {
  const settings = await loadSettings();
  const [name] = exportFileNames([record], 'md', settings.fileNameTemplate);
  const highlights = record.id ? await highlightsOf(libraryDb(), record.id) : [];
  const markdown = toMarkdown(
    { ...record, highlights },
    { frontMatterTemplate: settings.frontMatterTemplate, highlights: settings.markdownHighlights, parse: parseHtml },
  );
  downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), name!);
  return name!;
}

/** One article's highlights and notes as a W3C Web Annotation collection (JSON-LD, issue #16). Returns the file name. */
export async function exportAnnotations(record: CaptureRecord): Promise<string> {
  const settings = await loadSettings();
  const [name] = exportFileNames([record], 'jsonld', settings.fileNameTemplate);
  const highlights = record.id ? await highlightsOf(libraryDb(), record.id) : [];
  downloadBlob(new Blob([`${JSON.stringify(toWebAnnotations(record, highlights), null, 2)}\n`], { type: 'application/ld+json' }), name!);
  return name!;
}

export interface ZipExportRun {
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** The articles with these ids as one zip download. Returns the zip's name and what it holds. */
export async function exportZip(ids: number[], run: ZipExportRun, now = new Date()): Promise<ZipResult & { name: string }> {
  const settings = await loadSettings();
  const result = await buildZip(captureSource(libraryDb(), ids), {
    fileNameTemplate: settings.fileNameTemplate,
    frontMatterTemplate: settings.frontMatterTemplate,
    images: settings.zipImages,
    signal: run.signal,
    onProgress: run.onProgress,
    now,
    highlights: settings.markdownHighlights,
    parse: parseHtml,
  });
  const name = `clean-capture-${now.toISOString().slice(0, 10)}.zip`;
  downloadBlob(result.blob, name);
  return { ...result, name };
}

/** "12 articles, 30 images, 4.1 MB" */
export function describeZip(result: ZipResult): string {
  return t('zipSummary', tn('articles', result.articles), tn('images', result.images), formatSize(result.blob.size));
}
