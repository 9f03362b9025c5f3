import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDocument } from '../../../src/cli/dom';
import { parseBackup, type ParsedBackup } from '../../../src/core/backup/backup-format';
import { serializeBackup } from '../../../src/core/backup/backup-write';
import { extract } from '../../../src/core/extract/extract';
import { formatBytes } from '../../../src/core/shared/format-bytes';
import { textFingerprint } from '../../../src/core/shared/text';
import { urlKeysOf } from '../../../src/storage/record-fields';
import type { CaptureRecord } from '../../../src/storage/records';
import { makeCapture, readSeed, ROOT, SEED_URL } from '../helpers';

let dir: string;
let backupPath: string;
const T = '2024-01-02T03:04:05.000Z';

function record(capture: ReturnType<typeof makeCapture>, id: number, extra: Record<string, unknown> = {}): CaptureRecord {
  const fingerprint = textFingerprint(capture.textContent);
  return { ...capture, id, urlKeys: urlKeysOf(capture, fingerprint), capturedAt: T, updatedAt: T, fingerprint, ...extra };
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli-only'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'clean-capture-cli-backup-'));
  const seed = readSeed();
  // An old extraction of the seed page (stale title and text) that kept the page's raw HTML.
  const stale = { ...extract(parseDocument(seed.html, SEED_URL), SEED_URL), title: 'Old title', textContent: 'old text', contentHtml: '<p>old text</p>' };
  const backup: ParsedBackup = {
    formatVersion: 1,
    createdAt: T,
    schemaVersion: 1,
    settings: { fileNameTemplate: '{site} {title}' },
    tables: {
      captures: {
        schema: '++id, *urlKeys, capturedAt',
        outbound: false,
        rows: [
          record(stale, 1, { rawHtml: seed.html }),
          record(
            makeCapture({
              url: 'https://news.example.com/b',
              title: 'Harbour: "reopens" #2',
              contentHtml: '<p>Text <img src="https://img.example.com/x.jpg" alt="x"></p>',
            }),
            2,
          ),
        ],
      },
      images: {
        schema: 'hash, orphanedAt',
        outbound: false,
        rows: [{ hash: 'h-x', type: 'image/jpeg', bytes: 3, blob: new Blob([new Uint8Array([9, 8, 7])], { type: 'image/jpeg' }) }],
      },
      imageLinks: {
        schema: '[captureId+url], captureId, hash, url',
        outbound: false,
        rows: [{ captureId: 2, url: 'https://img.example.com/x.jpg', hash: 'h-x' }],
      },
      // Issue #16: a highlight with a note, and a deleted one (a tombstone) that no export shows.
      highlights: {
        schema: 'id, captureId, createdAt, updatedAt, deletedAt',
        outbound: false,
        rows: [
          { id: 'h1', captureId: 2, exact: 'Text', prefix: '', suffix: '', color: 'blue', note: 'My note', createdAt: T, updatedAt: T },
          { id: 'h2', captureId: 2, exact: 'Text', prefix: '', suffix: '', color: 'pink', note: 'Deleted note', createdAt: T, updatedAt: T, deletedAt: T },
        ],
      },
    },
  };
  backupPath = join(dir, 'backup.json');
  writeFileSync(backupPath, await serializeBackup(backup, 'test'));
}, 60_000);

afterAll(() => {
  if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/clean-capture.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('clean-capture export', { timeout: 60_000 }, () => {
  it("writes Markdown files named by the backup's template, assets/ and index.md", () => {
    const out = join(dir, 'md');
    const result = cli('export', backupPath, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/wrote 2 Markdown files, 1 images and index\.md/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['Example News Harbour reopens #2.md', 'Old title.md', 'assets', 'index.md']);
    const md = readFileSync(join(out, 'Example News Harbour reopens #2.md'), 'utf8');
    expect((parse(md.slice(4, md.indexOf('\n---\n'))) as { title: string }).title).toBe('Harbour: "reopens" #2');
    expect(md).toContain('![x](assets/00001.jpg)');
    expect([...readFileSync(join(out, 'assets/00001.jpg'))]).toEqual([9, 8, 7]);
    expect(md).toContain('## Highlights\n\n> Text\n\nMy note\n');
    expect(md).not.toContain('Deleted note');
  });

  it('writes one EPUB or one HTML file', () => {
    const epub = cli('export', backupPath, '--out', join(dir, 'e'), '--format', 'epub');
    expect(epub.status).toBe(0);
    // The file's size is said with its name.
    const epubPath = join(dir, 'e', 'clean-capture.epub');
    expect(epub.stdout + epub.stderr).toContain(`to ${epubPath} — ${formatBytes(statSync(epubPath).size)}`);
    const book = unzipSync(new Uint8Array(readFileSync(epubPath)));
    expect(Object.keys(book)[0]).toBe('mimetype');
    expect(strFromU8(book['OEBPS/a0002.xhtml']!)).toContain('<img src="images/0001.jpg" alt="x"/>');
    const html = cli('export', backupPath, '--out', join(dir, 'h'), '--format=html');
    expect(html.status).toBe(0);
    const htmlPath = join(dir, 'h', 'clean-capture.html');
    expect(html.stdout + html.stderr).toContain(`to ${htmlPath} — ${formatBytes(statSync(htmlPath).size)}`);
    const page = readFileSync(htmlPath, 'utf8');
    expect(page).toContain('<h2>Harbour: &quot;reopens&quot; #2</h2>');
    expect(page).toContain('<p><mark title="My note" class="hl hl-blue">Text</mark>');
    expect(strFromU8(book['OEBPS/a0002.xhtml']!)).toContain('<p class="hl-note">My note</p>');
  });

  it('writes the highlights as W3C Web Annotation JSON-LD, as the reader’s export does, deleted ones left out', () => {
    const result = cli('export', backupPath, '--out', join(dir, 'j'), '--format', 'jsonld');
    expect(result.status, result.stderr).toBe(0);
    const path = join(dir, 'j', 'clean-capture-highlights.jsonld');
    expect(result.stdout + result.stderr).toContain(`wrote 1 highlights to ${path} — ${formatBytes(statSync(path).size)}`);
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(doc.first.items).toEqual([
      {
        id: 'urn:uuid:h1',
        type: 'Annotation',
        motivation: 'commenting',
        created: T,
        modified: T,
        body: { type: 'TextualBody', value: 'My note', format: 'text/plain', purpose: 'commenting' },
        target: { source: 'https://news.example.com/b', selector: [{ type: 'TextQuoteSelector', exact: 'Text', prefix: '', suffix: '' }] },
        'cc:color': 'blue',
      },
    ]);
    expect(readFileSync(path, 'utf8')).not.toContain('Deleted note');
  });

  it('refuses a bad backup or bad options with one line', () => {
    writeFileSync(join(dir, 'cut.json'), readFileSync(backupPath, 'utf8').slice(0, 500));
    const cut = cli('export', join(dir, 'cut.json'), '--out', join(dir, 'x'));
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^clean-capture: This backup file is incomplete/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(cli('export', backupPath).stderr).toMatch(/--out is required/);
    expect(cli('export', backupPath, '--out', dir, '--format', 'pdf').status).toBe(2);
  });
});

describe('clean-capture reextract', { timeout: 60_000 }, () => {
  it('re-runs the extractor on the raw HTML kept with a capture; keeps the others unchanged and says so', () => {
    const out = join(dir, 'new-backup.json');
    const result = cli('reextract', backupPath, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('re-extracted 1 of 2 articles');
    expect(result.stderr).toContain('kept 1 unchanged:\n  "Harbour: "reopens" #2" (no raw HTML kept)');
    const before = parseBackup(readFileSync(backupPath, 'utf8'));
    const after = parseBackup(readFileSync(out, 'utf8'));
    const [fresh, same] = after.tables['captures']!.rows as CaptureRecord[];
    expect(fresh!.title).toBe("Canadian PM meets Alibaba's Jack Ma for SME growth");
    expect(fresh!.textContent).toContain('Harper');
    expect(fresh!.id).toBe(1);
    expect(fresh!.capturedAt).toBe(T);
    expect(fresh!.updatedAt).not.toBe(T);
    expect((fresh as unknown as { rawHtml: string }).rawHtml).toBe(readSeed().html);
    expect(same).toEqual(before.tables['captures']!.rows[1]);
    expect(after.tables['images']!.rows).toHaveLength(1);
    expect(after.settings).toEqual({ fileNameTemplate: '{site} {title}' });
  });
});
