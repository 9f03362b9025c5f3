import { runZipExport } from '../features/export-progress';
import { runBookExport } from './book-export';

/**
 * Export `ids` in `format` with progress in `host`: a zip of Markdown, or one HTML file or EPUB
 * whose name and size show before its Download button (book-export.ts).
 */
export async function runExport(ids: number[], format: string, host: HTMLElement): Promise<void> {
  if (format === 'html' || format === 'epub') return runBookExport(host, ids, format);
  return runZipExport(host, ids);
}
