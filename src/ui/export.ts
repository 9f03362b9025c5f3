import { strToU8, zipSync } from 'fflate';
import { exportFileNames } from '../core/export-names';
import { toMarkdown } from '../core/markdown';
import type { CaptureRecord } from '../storage/db';
import { downloadBlob } from './download';

/** One article as a Markdown file download. Returns the file name. */
export function exportMarkdown(record: CaptureRecord): string {
  const [name] = exportFileNames([record]);
  downloadBlob(new Blob([toMarkdown(record)], { type: 'text/markdown;charset=utf-8' }), name!);
  return name!;
}

/** Many articles as one zip of Markdown files. Returns the zip's name. */
export function exportZip(records: CaptureRecord[], now = new Date()): string {
  const names = exportFileNames(records);
  const files: Record<string, Uint8Array> = {};
  records.forEach((record, i) => {
    files[names[i]!] = strToU8(toMarkdown(record));
  });
  const zip = zipSync(files, { level: 6, mtime: now });
  const name = `clean-capture-${now.toISOString().slice(0, 10)}.zip`;
  downloadBlob(new Blob([zip as BlobPart], { type: 'application/zip' }), name);
  return name;
}
