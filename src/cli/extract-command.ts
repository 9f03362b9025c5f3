import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toMarkdown } from '../core/export/markdown';
import { UsageError } from './command-line';
import { decodeHtml, notHtmlKind } from './decode';
import { extractSavedPage } from './extract-page';
import { InputError } from './input-error';

export interface ExtractOptions {
  url?: string;
  format: string;
}

function readPage(file: string): Uint8Array {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new InputError(`cannot read "${file}": no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`"${file}" is a directory, not a saved page`);
  return readFileSync(file);
}

/** `extract`: the saved page's Capture as JSON (the fields scored externally), Markdown or text. */
export function extractCommand(file: string, options: ExtractOptions, out: (s: string) => void): void {
  const url = options.url ?? pathToFileURL(resolve(file)).href;
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--url "${url}" is not an absolute URL (like https://example.com/article)`);
  }
  const bytes = readPage(file);
  const html = decodeHtml(bytes);
  const kind = notHtmlKind(bytes, html);
  if (kind) throw new InputError(`"${file}" is ${kind === 'not HTML' ? 'not an HTML page' : `${kind}, not an HTML page`}`);
  const capture = extractSavedPage(html, url);
  if (options.format === 'json') out(`${JSON.stringify(capture, null, 2)}\n`);
  else if (options.format === 'text') out(`${capture.textContent}\n`);
  else out(toMarkdown({ ...capture, capturedAt: new Date().toISOString() }));
}
