import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { isCaptureError } from '../../../../src/core/shared/errors';
import { extract } from '../../../../src/core/extract/extract';

const para = 'This paragraph of the story is long enough to count as article text, with detail and more detail to read.';

function noArticleOrCapture(html: string): string {
  try {
    extract(parseDocument(html, 'https://e.com/a'), 'https://e.com/a');
    return 'capture';
  } catch (error) {
    if (isCaptureError(error)) return error.code;
    throw error;
  }
}

describe('page structure that used to break or stall extraction (found by the fuzzer)', () => {
  it('an empty or rootless document is "no article", not a TypeError', () => {
    expect(noArticleOrCapture('')).toBe('no-article');
    expect(noArticleOrCapture('   ')).toBe('no-article');
    expect(noArticleOrCapture('<?xml version="1.0"?>')).toBe('no-article');
  });

  it('text a loose parser left in <head> is read as the body, as browsers do', () => {
    const html = `<html><head><title>T</title><p>${para}</p><p>${para} Again.</p></head><body></body></html>`;
    const capture = extract(parseDocument(html, 'https://e.com/a'), 'https://e.com/a');
    expect(capture.textContent).toContain('Again.');
  });

  it('2,000 nested lists are flattened, and the paragraph inside still comes out', () => {
    const html = `<html><body>${'<ul><li>'.repeat(2000)}<p>${para}</p><p>${para} Deep.</p>${'</li></ul>'.repeat(2000)}</body></html>`;
    const capture = extract(parseDocument(html, 'https://e.com/a'), 'https://e.com/a');
    expect(capture.textContent).toContain('Deep.');
  });
});
