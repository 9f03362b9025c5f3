import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/cli/dom';
import { removeBoilerplate } from '../../../../src/core/extract/boilerplate';
import { normalizeAndScan } from '../../../../src/core/extract/structure';

const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i} of the post goes on about batteries, settings and the modes the app offers for a longer day.</p>`,
  ).join('');

function afterCleanup(body: string): Document {
  const doc = parseDocument(`<!DOCTYPE html><html><head><title>Post</title></head><body>${body}</body></html>`, 'https://blog.example/post');
  removeBoilerplate(doc, normalizeAndScan(doc));
  return doc;
}

describe('removeBoilerplate: furniture named by class or id', () => {
  it('removes share bars, comment threads, related lists, deal cards and author cards', () => {
    const doc = afterCleanup(`<div class="post">${prose(6)}
      <div class="share-bar">Share Tweet</div>
      <div class="gd-deal-card"><p>Earbuds $129 at Amazon</p></div>
      <div class="author-card"><p>Hannah is a science reporter.</p></div></div>
      <div id="comments"><p>First!</p></div><ul class="related-posts"><li>Other post</li></ul>`);
    const text = doc.body.textContent!;
    for (const gone of ['Share Tweet', 'Earbuds', 'science reporter', 'First!', 'Other post']) expect(text).not.toContain(gone);
    expect(text).toContain('Paragraph 5 of the post');
  });

  it('keeps a post whose class files it under a furniture word (blog taxonomy, script hooks)', () => {
    const doc = afterCleanup(`<div class="hentry post category-personal-tools tag-share tag-social-media author-admin">${prose(6)}</div>
      <div class="entry entry-category-social_media entry-author-jane">${prose(2)}</div>
      <div class="module js-social-images" id="cms_content">${prose(2)}</div>`);
    expect(doc.querySelectorAll('p')).toHaveLength(10);
  });
});
