import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { spaceCaptionParts } from '../../../../src/core/extract/figures';

describe('spaceCaptionParts', () => {
  it('puts a space between a caption and its credit written as adjacent spans, and nowhere else', () => {
    const doc = parseDocument(
      `<!DOCTYPE html><html><body><figure><img src="a.jpg"><figcaption><span>Learning to fly isn't easy.</span><span>Kathrin Ziegler/Getty</span></figcaption></figure>
      <figure><img src="b.jpg"><figcaption>E = mc<sup>2</sup> <span>Credit</span></figcaption></figure></body></html>`,
      'https://e.example/a',
    );
    spaceCaptionParts(doc.body);
    const [first, second] = [...doc.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(first).toBe("Learning to fly isn't easy. Kathrin Ziegler/Getty");
    expect(second).toBe('E = mc2 Credit');
  });
});
