import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/cli/dom';
import type { Capture } from '../../src/core/shared/capture';
import { extract } from '../../src/core/extract/extract';

/** The dedupe fixtures (tests/fixtures/dedupe, from ../shared/fixtures/dedupe) extracted once. */
const dir = new URL('../fixtures/', import.meta.url);
export const SEED_AT = 'https://www.chinanews.com/business/2014/11-08/6762151.shtml';
export const SYNDICATED_AT = 'https://www.xinhuanet.example/english/2014-11/08/c_133774531.htm';

const cache = new Map<string, Capture>();
function load(path: string, url: string): Capture {
  const key = `${path} ${url}`;
  if (!cache.has(key)) cache.set(key, extract(parseDocument(readFileSync(new URL(path, dir), 'utf8'), url), url));
  return structuredClone(cache.get(key)!);
}

export const seedCapture = (url = SEED_AT) => load('seed/chinanews-harper-jack-ma.html', url);
export const updatedCapture = (url = SEED_AT) => load('dedupe/chinanews-harper-jack-ma-updated.html', url);
export const syndicatedCapture = (url = SYNDICATED_AT) => load('dedupe/syndicated-xinhua.html', url);
