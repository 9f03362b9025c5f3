/**
 * docs/messages.md is generated from the Protocol JSDoc of src/messages.ts; this fails when the
 * file is not what the generator writes now, so the doc cannot go stale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMessagesDoc, TARGET } from '../../../scripts/messages-doc.mjs';

describe('docs/messages.md', () => {
  it('is what `npm run docs:messages` generates from the Protocol', () => {
    const expected = renderMessagesDoc();
    expect(readFileSync(TARGET, 'utf8'), 'docs/messages.md is stale: run npm run docs:messages').toBe(expected);
  });

  it('documents every message of the Protocol', () => {
    const doc = renderMessagesDoc();
    const source = readFileSync(new URL('../../../src/messages.ts', import.meta.url), 'utf8');
    const protocol = source.slice(source.indexOf('export interface Protocol {'), source.indexOf('\n}\n', source.indexOf('export interface Protocol {')));
    const keys = [...protocol.matchAll(/^ {2}'?([a-z-]+)'?: \{ request:/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(doc).toContain(`### ${key}\n`);
  });
});
