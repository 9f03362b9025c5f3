import type { ImportItem, ImportParse } from '../core/import/import-item';
import { parseImportFile } from '../core/import/parse-import';
import { summarize, type ImportSummary } from '../core/import/import-summary';
import { send } from '../platform/messaging';

/**
 * Import in an extension page (issue #15): the chosen files are read and parsed here, where the
 * user sees the preview before anything is written; then their items go to the background's
 * queue in batches (a message is capped at 64 MiB in Chrome).
 */
export interface ParsedFiles {
  parses: ImportParse[];
  summary: ImportSummary;
}

export async function parseFiles(files: readonly File[]): Promise<ParsedFiles> {
  const parses: ImportParse[] = [];
  for (const file of files) parses.push(parseImportFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
  return { parses, summary: summarize(parses) };
}

/** Match patterns of the sites whose pages must be fetched: the host grant to ask for. */
export function originsToFetch(parses: readonly ImportParse[]): string[] {
  const origins = new Set<string>();
  for (const item of parses.flatMap((p) => p.items)) {
    if (item.contentHtml !== null) continue;
    const url = new URL(item.url);
    origins.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...origins];
}

/** Characters of items per message: well under Chrome's 64 MiB cap in UTF-8. */
const BATCH_CHARS = 8 * 1024 * 1024;

export async function queueImport(parses: readonly ImportParse[], onProgress: (sent: number, total: number) => void): Promise<number> {
  let queued = 0;
  let fresh = true;
  const total = parses.reduce((n, p) => n + p.items.length, 0);
  let sent = 0;
  for (const parse of parses) {
    let batch: ImportItem[] = [];
    let chars = 0;
    const flush = async () => {
      if (!batch.length) return;
      queued += (await send('import-add', { format: parse.format, items: batch, fresh })).queued;
      fresh = false;
      sent += batch.length;
      onProgress(sent, total);
      batch = [];
      chars = 0;
    };
    for (const item of parse.items) {
      const size = (item.contentHtml?.length ?? 0) + item.url.length + 200;
      if (chars + size > BATCH_CHARS) await flush();
      batch.push(item);
      chars += size;
    }
    await flush();
  }
  return queued;
}

/** The failures report as CSV (url, reason kind, message), for the download. */
export function failuresCsv(failures: readonly { url: string; kind: string; message: string }[]): string {
  const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${['url,reason,detail', ...failures.map((f) => [f.url, f.kind, f.message].map(field).join(','))].join('\n')}\n`;
}
