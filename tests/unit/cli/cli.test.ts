import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, ROOT, SEED_HTML_PATH, SEED_URL, type SeedExpected } from '../helpers';

let dir: string;
let expected: SeedExpected;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli-only'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'clean-capture-cli-'));
  expected = readSeed().expected;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/clean-capture.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A failure says one thing, on one line, for a person: no stack trace. */
function expectOneLineError(result: ReturnType<typeof cli>): string {
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  const lines = result.stderr.split('\n').filter((l) => l.trim());
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^clean-capture: \S/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  return lines[0]!;
}

/** Bytes of an HTML page: ASCII around `word` (already encoded) repeated in enough paragraphs. */
function encodedPage(charsetMeta: string, word: number[]): Uint8Array {
  const ascii = (s: string) => [...Buffer.from(s, 'ascii')];
  const bytes: number[] = ascii(`<!DOCTYPE html><html><head>${charsetMeta}<title>Encoding test page</title></head><body><article><h1>Encoding test page</h1>`);
  for (let i = 1; i <= 8; i++) {
    bytes.push(
      ...ascii(`<p>Paragraph ${i} of the report mentions the word `),
      ...word,
      ...ascii(' several times, with enough ordinary English around it to count as an article worth saving. '),
      ...word,
      ...ascii('</p>'),
    );
  }
  bytes.push(...ascii('</article></body></html>'));
  return Uint8Array.from(bytes);
}

describe('clean-capture extract', () => {
  it('prints every Capture field as JSON', () => {
    const result = cli('extract', SEED_HTML_PATH, '--url', SEED_URL);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const field of ['title', 'byline', 'published', 'siteName', 'lang', 'excerpt', 'textContent', 'contentHtml', 'authors']) {
      expect(json, field).toHaveProperty(field);
    }
    expect(json.title).toBe(expected.title);
    expect(String(json.byline)).toContain('Xinhua');
    expect(String(json.published).startsWith('2014-11-08T09:04')).toBe(true);
    expect(Array.isArray(json.authors)).toBe(true);
    expect(json.textContent).toContain(expected.paragraphs[0]);
    expect(json.contentHtml).toContain('<p>');
    expect(json.url).toBe(SEED_URL);
  });

  it('prints the paragraphs with --format text', () => {
    const result = cli('extract', SEED_HTML_PATH, '--url', SEED_URL, '--format', 'text');
    expect(result.status, result.stderr).toBe(0);
    const blocks = result.stdout.trim().split(/\n\n+/);
    for (const paragraph of expected.paragraphs) expect(blocks).toContain(paragraph);
    expect(result.stdout.trimStart().startsWith('{')).toBe(false);
  });

  it('accepts --format=text', () => {
    const result = cli('extract', SEED_HTML_PATH, `--url=${SEED_URL}`, '--format=text');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(expected.paragraphs[7]);
  });

  it('prints front matter and the body with --format markdown', () => {
    const result = cli('extract', SEED_HTML_PATH, '--url', SEED_URL, '--format', 'markdown');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith('---\n')).toBe(true);
    expect(result.stdout).toContain(`\n# ${expected.title}\n`);
    expect(result.stdout).toContain(expected.paragraphs[3]);
  });

  it('fails in one line for a missing file (exit 1: bad input)', () => {
    const result = cli('extract', join(dir, 'does-not-exist.html'));
    const line = expectOneLineError(result);
    expect(line).toContain('does-not-exist.html');
    expect(result.status).toBe(1);
  });

  it('fails in one line for a PDF', () => {
    const path = file('paper.html', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
    const line = expectOneLineError(cli('extract', path));
    expect(line).toMatch(/PDF/);
  });

  it('fails in one line for a PNG image', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const line = expectOneLineError(cli('extract', file('picture.png', png)));
    expect(line).toMatch(/PNG|image/i);
  });

  it('fails in one line for a plain-text file, saying it once', () => {
    const path = file('notes.txt', 'Just some notes, no markup at all.\nSecond line.\n');
    const line = expectOneLineError(cli('extract', path));
    expect(line).toContain('notes.txt');
    expect(line.match(/not an HTML page/g)).toHaveLength(1);
  });

  it('fails in one line for a page with no article (exit 1)', () => {
    const path = file(
      'login.html',
      '<!DOCTYPE html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><form action="/login"><input name="email"><input type="password" name="pw"><button>Sign in</button></form></body></html>',
    );
    const result = cli('extract', path, '--url', 'https://example.com/login');
    expect(expectOneLineError(result)).toMatch(/no article/i);
    expect(result.status).toBe(1);
  });

  it('fails for an unknown --format (exit 2: usage)', () => {
    const result = cli('extract', SEED_HTML_PATH, '--format', 'pdf');
    expect(expectOneLineError(result)).toContain('--format must be json, markdown or text, not "pdf"');
    expect(result.status).toBe(2);
  });

  it('fails for a relative --url (exit 2)', () => {
    const result = cli('extract', SEED_HTML_PATH, '--url', 'not/absolute');
    expectOneLineError(result);
    expect(result.status).toBe(2);
  });

  it('decodes a GBK page', () => {
    const zhongwen = [0xd6, 0xd0, 0xce, 0xc4]; // 中文
    const path = file('gbk.html', encodedPage('<meta charset="gbk">', zhongwen));
    const result = cli('extract', path, '--url', 'https://example.cn/a.html');
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { textContent: string };
    expect(json.textContent).toContain('mentions the word 中文 several times');
    expect(json.textContent).not.toContain('\ufffd');
  });

  it('decodes a gb2312 page declared by http-equiv (as chinanews pages are)', () => {
    const zhongwen = [0xd6, 0xd0, 0xce, 0xc4]; // 中文
    const path = file('gb2312.html', encodedPage('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', zhongwen));
    const result = cli('extract', path, '--url', 'https://example.cn/b.html', '--format', 'text');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('mentions the word 中文 several times');
  });

  it('decodes a windows-1251 page', () => {
    const privet = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]; // Привет
    const path = file('cp1251.html', encodedPage('<meta charset="windows-1251">', privet));
    const result = cli('extract', path, '--url', 'https://example.ru/c.html');
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { textContent: string };
    expect(json.textContent).toContain('mentions the word Привет several times');
    expect(json.textContent).not.toContain('\ufffd');
  });
});

describe('clean-capture command line', () => {
  const commands = { extract: ['--url', '--format'], export: ['--out', '--format'], save: ['--library'], reextract: ['--out'] };

  it('prints the usage to stdout with --help or -h and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = cli(flag);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: clean-capture <command>/);
      for (const command of Object.keys(commands)) expect(result.stdout).toMatch(new RegExp(`^  ${command} <`, 'm'));
      expect(result.stdout).toContain('--version');
      expect(result.stdout).toMatch(/Exit codes: 0 .*1 .*2 usage/);
    }
  });

  it("prints each command's usage and options with <command> --help, whatever else is on the line", () => {
    for (const [command, options] of Object.entries(commands)) {
      const result = cli(command, 'some-file', '--help');
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.startsWith(`Usage: clean-capture ${command} `)).toBe(true);
      for (const option of options) expect(result.stdout).toMatch(new RegExp(`^ +${option} `, 'm'));
    }
    expect(cli('reextract', '--help').stdout).not.toContain('--format');
  });

  it('prints the version from package.json with --version or -v', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = cli(flag);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  it("names the command's valid options for an unknown one (exit 2)", () => {
    for (const [command, options] of Object.entries(commands)) {
      const result = cli(command, SEED_HTML_PATH, '--bogus');
      const line = expectOneLineError(result);
      expect(result.status).toBe(2);
      expect(line).toContain(`unknown option --bogus for ${command}`);
      for (const option of [...options, '--help']) expect(line).toContain(option);
    }
    const line = expectOneLineError(cli('reextract', 'backup.json', '--out', 'x.json', '--format', 'md'));
    expect(line).toMatch(/unknown option --format for reextract \(its options: --out, --help\)/);
    expect(expectOneLineError(cli('--bogus'))).toMatch(/unknown option --bogus .*--help, --version.*extract, export, save, reextract/);
  });

  it('exits 2 with one line for other usage errors', () => {
    for (const args of [
      ['frobnicate'],
      ['extract'],
      ['extract', 'a.html', 'b.html'],
      ['extract', SEED_HTML_PATH, '--url'],
      ['extract', SEED_HTML_PATH, '--url', '--format', 'text'],
      ['export', 'backup.json'],
      ['--help=yes'],
    ]) {
      const result = cli(...args);
      expectOneLineError(result);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('shows the usage on stderr and exits 2 when run with nothing', () => {
    const result = cli();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: clean-capture <command>/);
  });
});
