import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup, type ParsedBackup } from '../../../src/core/backup/backup-format';
import { readSeed, ROOT } from '../helpers';

/**
 * The CLI as a headless pipeline (issue 13): `save` two saved pages (one with a relative image)
 * and one address from a server this test starts on 127.0.0.1 into a library file, save again
 * (dedupe), a changed page (a new version), refusals that leave the file as it was; then `export`
 * the file as an EPUB (epubcheck) and as Markdown files with their images.
 */
const PAGES = join(ROOT, 'tests/fixtures/cli-save');
const SEED_IMAGE_PATH = '/business/2014/11-08/U194P886T4D147553F107DT20141108090401.jpg';
const seedImage = readFileSync(join(ROOT, 'tests/fixtures/seed/lead-image.jpg'));
const bargeImage = readFileSync(join(PAGES, 'images/barge.png'));
const updatedSeed = readFileSync(join(ROOT, 'tests/fixtures/dedupe/chinanews-harper-jack-ma-updated.html'), 'utf8');
const EPUBCHECK = '/usr/share/java/epubcheck.jar';

let dir: string;
let library: string;
let server: Server;
let seedUrl: string;
let serveUpdated = false;
const requests: string[] = [];

/** Run the built CLI as a user would: exit code, stdout, stderr. */
function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/clean-capture.mjs'), ...args], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const readLibrary = (): ParsedBackup => parseBackup(readFileSync(library, 'utf8'));
const rows = (backup: ParsedBackup, table: string) => (backup.tables[table]?.rows ?? []) as Record<string, unknown>[];
const titles = (backup: ParsedBackup) => rows(backup, 'captures').map((r) => r['title'] as string);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli-only'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'clean-capture-cli-save-'));
  // The pages are copied with their image folder: relative images resolve next to the file.
  mkdirSync(join(dir, 'pages/images'), { recursive: true });
  for (const name of ['barges.html', 'lighthouse.html', 'images/barge.png']) copyFileSync(join(PAGES, name), join(dir, 'pages', name));
  library = join(dir, 'library.json');
  const seed = readSeed().html;
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/business/2014/11-08/6762151.shtml') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(serveUpdated ? updatedSeed : seed);
    } else if (req.url === SEED_IMAGE_PATH) res.writeHead(200, { 'content-type': 'image/jpeg' }).end(seedImage);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  seedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/business/2014/11-08/6762151.shtml`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('clean-capture save', () => {
  it('saves two local pages and one address into a new library file, with their images', async () => {
    const run = await cli('save', 'pages/barges.html', 'pages/lighthouse.html', seedUrl, '--library', library);
    expect(run.err).toContain('pages/barges.html: saved: "Working the river before dawn", 1 image kept');
    expect(run.err).toContain('pages/lighthouse.html: saved: "The volunteer who still climbs the lighthouse"\n');
    expect(run.err).toContain(`${seedUrl}: saved: "Canadian PM meets Alibaba's Jack Ma for SME growth", 1 image kept`);
    expect(run.err).toContain('library.json: 3 articles (3 new)');
    expect(run.code).toBe(0);
    expect(requests).toContain(SEED_IMAGE_PATH);

    const backup = readLibrary();
    expect(backup.schemaVersion).toBeGreaterThanOrEqual(5);
    expect(titles(backup).sort()).toEqual([
      "Canadian PM meets Alibaba's Jack Ma for SME growth",
      'The volunteer who still climbs the lighthouse',
      'Working the river before dawn',
    ]);
    const barges = rows(backup, 'captures').find((r) => r['title'] === 'Working the river before dawn')!;
    expect(barges['url']).toBe(`file://${join(dir, 'pages/barges.html')}`);
    expect(barges['urlKeys']).toEqual([`file://${join(dir, 'pages/barges.html')}`]);
    expect(barges['byline']).toContain('Jonas Berg');
    // The raw page is kept, as the extension keeps it, for Re-extract.
    expect(barges['rawHtmlGzip']).toBeInstanceOf(Uint8Array);
    // Each image stored once by its SHA-256, its bytes as on disk / as served, linked to its article.
    const images = rows(backup, 'images');
    expect(images).toHaveLength(2);
    const links = rows(backup, 'imageLinks');
    const bargeLink = links.find((l) => l['captureId'] === barges['id'])!;
    expect(bargeLink['url']).toBe(`file://${join(dir, 'pages/images/barge.png')}`);
    const bargeRow = images.find((i) => i['hash'] === bargeLink['hash'])!;
    expect(bargeRow['type']).toBe('image/png');
    expect(Buffer.from(await (bargeRow['blob'] as Blob).arrayBuffer()).equals(bargeImage)).toBe(true);
    const seedRow = images.find((i) => i['hash'] !== bargeLink['hash'])!;
    expect(Buffer.from(await (seedRow['blob'] as Blob).arrayBuffer()).equals(seedImage)).toBe(true);
  });

  it('saving the same pages again adds nothing (the extension’s dedupe)', async () => {
    const before = requests.length;
    const run = await cli('save', seedUrl, 'pages/barges.html', '--library', library);
    expect(run.code).toBe(0);
    expect(run.err).toContain('pages/barges.html: already saved: "Working the river before dawn"\n');
    expect(run.err).toContain(`${seedUrl}: already saved: "Canadian PM meets Alibaba's Jack Ma for SME growth"\n`);
    expect(run.err).toContain('library.json: 3 articles (0 new)');
    // Images already kept are not fetched again: only the page itself was requested.
    expect(requests.slice(before)).toEqual(['/business/2014/11-08/6762151.shtml']);
    const backup = readLibrary();
    expect(rows(backup, 'captures')).toHaveLength(3);
    expect(rows(backup, 'images')).toHaveLength(2);
  });

  it('a page changed at the same address becomes a new version of its record', async () => {
    serveUpdated = true;
    const run = await cli('save', seedUrl, '--library', library);
    serveUpdated = false;
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/: updated \(new version\): "/);
    const backup = readLibrary();
    expect(rows(backup, 'captures')).toHaveLength(3);
    const seed = rows(backup, 'captures').find((r) => String(r['url']).startsWith('http'))!;
    expect(seed['versionCount']).toBe(2);
    expect(rows(backup, 'versions')).toHaveLength(1);
  });

  it('a page that cannot be saved is named, the others are saved; a damaged library file is refused and left as it was', async () => {
    const before = readFileSync(library, 'utf8');
    const missing = await cli('save', 'pages/nope.html', 'pages/images/barge.png', '--library', library);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('pages/nope.html: not saved: cannot read "pages/nope.html": no such file');
    expect(missing.err).toContain('pages/images/barge.png: not saved: "pages/images/barge.png" is');
    expect(missing.err).toContain('nothing saved; ');
    expect(readFileSync(library, 'utf8')).toBe(before);

    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, before.slice(0, before.length / 2));
    const refused = await cli('save', 'pages/lighthouse.html', '--library', damaged);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/the library ".*damaged\.json" cannot be used: This backup file is incomplete/);
    expect(readFileSync(damaged, 'utf8')).toBe(before.slice(0, before.length / 2));

    const usage = await cli('save', 'pages/barges.html');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--library is required');
  });

  it('export turns the library into an EPUB that passes epubcheck', { timeout: 180_000 }, async () => {
    const run = await cli('export', library, '--out', 'book', '--format', 'epub');
    expect(run.code, run.err).toBe(0);
    const epub = join(dir, 'book/clean-capture.epub');
    expect(existsSync(epub)).toBe(true);
    if (!existsSync(EPUBCHECK)) throw new Error(`epubcheck is missing (${EPUBCHECK}): apt-get install -y epubcheck (.ci/run does it)`);
    let output: string;
    try {
      output = execFileSync('java', ['-jar', EPUBCHECK, epub], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)\(/.test(line))).toEqual([]);
    expect(output).toMatch(/No errors or warnings detected/);
  });

  it('export turns the library into Markdown files whose image links are files it wrote, with the stored bytes', async () => {
    const run = await cli('export', library, '--out', 'vault', '--format', 'md');
    expect(run.code, run.err).toBe(0);
    const vault = join(dir, 'vault');
    const mds = readdirSync(vault).filter((f) => f.endsWith('.md') && f !== 'index.md');
    expect(mds).toHaveLength(3);
    const barges = readFileSync(
      join(
        vault,
        mds.find((f) => f.includes('Working the river'))!,
      ),
      'utf8',
    );
    const links = [...barges.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^assets\//);
    expect(readFileSync(join(vault, links[0]!)).equals(bargeImage)).toBe(true);
    expect(barges).toContain('Marta Lindqvist has worked the river for twenty-two years.');
  });
});
