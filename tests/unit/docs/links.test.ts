/**
 * Every relative link in README.md and docs/*.md points to a file (or folder) that exists, and a
 * `#fragment` into a Markdown file names one of its headings (GitHub's anchors).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DOCS = join(ROOT, 'docs');
const FILES = [
  join(ROOT, 'README.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(DOCS, f)),
];

/** The Markdown outside fenced code blocks and inline code spans. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets: `[text](target)` and `![alt](target)`, an optional "title" dropped. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of markdown.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('links in README.md and docs/', () => {
  it('the anchor rules match GitHub on the cases the docs use', () => {
    expect([
      ...headingAnchors('## Tombstones: delete, Undo, the sweep\n## What a capture is (dedupe and versions)\n## `capture`\n## Limits\n## Limits'),
    ]).toEqual(['tombstones-delete-undo-the-sweep', 'what-a-capture-is-dedupe-and-versions', 'capture', 'limits', 'limits-1']);
    expect(linkTargets('see [a](b.md#c "t") and ![i](images/x.png) but not `[x](y.md)`')).toEqual(['b.md#c', 'images/x.png']);
  });

  for (const file of FILES) {
    const name = relative(ROOT, file);
    it(`${name}: every relative link resolves`, () => {
      const markdown = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const target of linkTargets(markdown)) {
        if (external(target)) continue;
        const [path, fragment] = target.split('#') as [string, string | undefined];
        const resolved = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
        if (!existsSync(resolved)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (fragment && resolved.endsWith('.md') && statSync(resolved).isFile() && !headingAnchors(readFileSync(resolved, 'utf8')).has(fragment)) {
          broken.push(`${target}: no heading #${fragment} in ${relative(ROOT, resolved)}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
