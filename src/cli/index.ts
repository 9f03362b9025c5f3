import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCaptureError } from '../core/errors';
import { toMarkdown } from '../core/markdown';
import { BACKUP_USAGE, runBackupCommand } from './backup-commands';
import { decodeHtml, notHtmlKind } from './decode';
import { extractSavedPage } from './extract-page';

const USAGE = `Usage: clean-capture extract <page.html> [--url URL] [--format json|markdown|text]

Runs Clean Capture's extractor on a saved page and prints the article.
  --url URL      the address the page was saved from (resolves relative links; default: the file's URL)
  --format F     json (default): every Capture field; markdown: front matter + body; text: plain text
${BACKUP_USAGE}
  export         a backup as Markdown files (+ assets/, index.md), one HTML file or one EPUB book
  reextract      a new backup with each article extracted again from the raw HTML kept with it`;

class UsageError extends Error {}

interface ExtractArgs {
  file: string;
  url: string;
  format: 'json' | 'markdown' | 'text';
}

function parseArgs(argv: string[]): ExtractArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'extract') throw new UsageError(`unknown command "${command}" (try: clean-capture extract page.html, export or reextract)`);
  let file: string | undefined;
  let url: string | undefined;
  let format = 'json';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--url' || arg === '--format') {
      const value = rest[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      if (arg === '--url') url = value;
      else format = value;
    } else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg.startsWith('--format=')) format = arg.slice(9);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (!file) file = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (!file) throw new UsageError('missing the page to read: clean-capture extract page.html');
  if (format !== 'json' && format !== 'markdown' && format !== 'text') throw new UsageError(`--format must be json, markdown or text, not "${format}"`);
  const pageUrl = url ?? pathToFileURL(resolve(file)).href;
  try {
    new URL(pageUrl);
  } catch {
    throw new UsageError(`--url "${pageUrl}" is not an absolute URL (like https://example.com/article)`);
  }
  return { file, url: pageUrl, format };
}

function readPage(file: string): Uint8Array {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UsageError(`cannot read "${file}": no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`"${file}" is a directory, not a saved page`);
  return readFileSync(file);
}

export function runCli(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number | Promise<number> {
  if (argv[0] === 'export' || argv[0] === 'reextract') return runBackupCommand(argv);
  try {
    const args = parseArgs(argv);
    const bytes = readPage(args.file);
    const html = decodeHtml(bytes);
    const kind = notHtmlKind(bytes, html);
    if (kind) throw new UsageError(`"${args.file}" is ${kind === 'not HTML' ? 'not an HTML page' : `${kind}, not an HTML page`}`);
    const capture = extractSavedPage(html, args.url);
    if (args.format === 'json') out(`${JSON.stringify(capture, null, 2)}\n`);
    else if (args.format === 'text') out(`${capture.textContent}\n`);
    else out(toMarkdown({ ...capture, capturedAt: new Date().toISOString() }));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`clean-capture: ${error.message}\n`);
      return error.message === USAGE ? 0 : 2;
    }
    const message = isCaptureError(error) ? error.message : `extraction failed: ${(error as Error)?.message ?? error}`;
    process.stderr.write(`clean-capture: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
