import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, VERSION } from '../../../src/cli/command-line';
import { ROOT } from '../helpers';

const usageError = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it('reads a command, its file and its options, with defaults', () => {
    expect(parseCommandLine(['extract', 'page.html'])).toEqual({
      kind: 'run',
      command: 'extract',
      file: 'page.html',
      files: ['page.html'],
      options: { format: 'json' },
    });
    expect(parseCommandLine(['extract', '--url=https://a.example/x', 'page.html', '--format', 'text'])).toEqual({
      kind: 'run',
      command: 'extract',
      file: 'page.html',
      files: ['page.html'],
      options: { url: 'https://a.example/x', format: 'text' },
    });
    expect(parseCommandLine(['export', 'b.json', '--out', 'dir', '--format=epub'])).toEqual({
      kind: 'run',
      command: 'export',
      file: 'b.json',
      files: ['b.json'],
      options: { out: 'dir', format: 'epub' },
    });
    expect(parseCommandLine(['reextract', 'b.json', '--out', 'new.json'])).toEqual({
      kind: 'run',
      command: 'reextract',
      file: 'b.json',
      files: ['b.json'],
      options: { out: 'new.json' },
    });
  });

  it('save reads several pages and addresses, and needs --library', () => {
    expect(parseCommandLine(['save', 'a.html', 'https://news.example/1', 'b.html', '--library', 'lib.json'])).toEqual({
      kind: 'run',
      command: 'save',
      file: 'a.html',
      files: ['a.html', 'https://news.example/1', 'b.html'],
      options: { library: 'lib.json' },
    });
    expect(() => parseCommandLine(['save', 'a.html'])).toThrow(/--library is required/);
    expect(() => parseCommandLine(['save', '--library', 'lib.json'])).toThrow(/missing a page or address to save/);
  });

  it('takes a file that starts with "-" after --', () => {
    expect(parseCommandLine(['extract', '--', '-odd.html'])).toMatchObject({ kind: 'run', file: '-odd.html' });
  });

  it('answers --help and --version before anything else is checked', () => {
    expect(parseCommandLine(['--help'])).toMatchObject({ kind: 'help', text: expect.stringMatching(/^Usage: clean-capture <command>/) });
    expect(parseCommandLine(['export', '-h'])).toMatchObject({
      kind: 'help',
      text: expect.stringMatching(/^Usage: clean-capture export backup\.json --out DIR \[--format md\|html\|epub\|jsonld\]\n/),
    });
    expect(parseCommandLine(['extract', '--format', 'pdf', '--help'])).toMatchObject({ kind: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version', text: `${VERSION}\n` });
  });

  it('takes the version from package.json', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('says what is wrong, naming the valid options for an unknown one', () => {
    expect(usageError(['extract', 'p.html', '-x'])).toBe('unknown option -x for extract (its options: --url, --format, --help)');
    expect(usageError(['export', 'b.json', '--url', 'u'])).toBe('unknown option --url for export (its options: --out, --format, --help)');
    expect(usageError(['extract', 'p.html', '--url'])).toBe('--url needs a value');
    expect(usageError(['extract', 'p.html', '--url='])).toBe('--url needs a value');
    expect(usageError(['extract', 'p.html', '--format', 'pdf'])).toBe('--format must be json, markdown or text, not "pdf"');
    expect(usageError(['export', 'b.json', '--out', 'd', '--format', 'md', '--version'])).toMatch(/^unknown option --version for export/);
    expect(usageError(['reextract', 'b.json'])).toBe('--out is required (the new backup file): clean-capture reextract backup.json --out FILE');
    expect(usageError(['export', '--out', 'd'])).toBe('missing the backup file: clean-capture export backup.json --out DIR [--format md|html|epub|jsonld]');
    expect(usageError(['extract', 'a', 'b'])).toBe('unexpected argument "b" (extract reads one page.html)');
    expect(usageError(['help'])).toMatch(/^unknown command "help"/);
    expect(usageError([])).toMatch(/^Usage: clean-capture <command>/);
  });
});
