import DOMPurify from 'dompurify';
import { purifyToFragment } from '../core/extract/purify-config';
import { articleDirection } from '../core/shared/text-direction';
import type { CleanCaptureDb } from '../storage/db';
import type { CaptureRecord } from '../storage/records';
import { isLowCompleteness, shownDate, siteOf } from './format';
import { storageLine } from './storage-line';
import { loadStoredImages, type StoredImages } from './stored-images';
import { t, tn } from '../platform/i18n';

/**
 * The reader, shared by the popup and the full-tab page. Stored HTML is untrusted: it is
 * sanitized again here with DOMPurify (allow-list, no forms/iframes/handlers/blob: or data: URLs)
 * before rendering; only then are images pointed at our own stored blobs (issue #6).
 */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

export interface RenderedArticle {
  /** Free the images' object URLs when the view closes or redraws. */
  release(): void;
  /** Resolves once every stored image has been decoded (or failed): the layout is final. */
  settled: Promise<void>;
}

export async function renderArticle(target: HTMLElement, record: CaptureRecord, db: CleanCaptureDb): Promise<RenderedArticle> {
  const stored = await loadStoredImages(db, record.id!).catch(() => null);
  target.replaceChildren();
  target.removeAttribute('lang');
  target.removeAttribute('dir');
  if (record.lang) target.lang = record.lang;
  // Always set: an English article in an Arabic UI reads left to right, an Arabic one right to
  // left in any UI (records saved before the direction was detected get it from their text).
  target.dir = articleDirection({ dir: record.dir, lang: record.lang, text: `${record.title}\n${record.textContent ?? ''}` });

  const header = el('header', 'article-header');
  header.append(el('h1', 'article-title', record.title));
  const facts = el('p', 'article-meta');
  const parts = [record.byline, siteOf(record), shownDate(record, true), tn('minutesRead', record.readingMinutes)].filter((x): x is string => !!x);
  // Each fact in its own <bdi>: an English date or "min read" inside a right-to-left article (or
  // an Arabic byline in a left-to-right one) keeps its own order instead of being reshuffled.
  parts.forEach((part, i) => facts.append(...(i ? [' · '] : []), el('bdi', undefined, part)));
  header.append(facts);
  const source = el('a', 'article-source', t('originalPage'));
  source.href = record.url;
  source.target = '_blank';
  source.rel = 'noopener noreferrer';
  source.dir = 'auto';
  header.append(source);
  if (record.selectionOnly) header.append(el('p', 'article-note', t('savedSelectionNote')));
  if (isLowCompleteness(record)) {
    header.append(el('p', 'article-note completeness-warning', t('incompleteNote', record.completeness!.reasons.join('; '))));
  }

  // Everything below works on the sanitized fragment while it still belongs to DOMPurify's inert
  // document: an <img> adopted into this page would start loading its remote address at once.
  const body = purifyToFragment(DOMPurify, record.contentHtml);
  for (const link of body.querySelectorAll('a[href]')) {
    if (link.getAttribute('href')?.startsWith('#')) continue;
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  const lead = leadFigure(record, body, stored);
  if (lead) body.prepend(lead);
  const images = localizeImages(body, stored);
  const wrapper = el('div', 'article-body');
  wrapper.append(body);
  target.append(header, wrapper, storageLine(db, record));
  const decoded = Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() => undefined);
  return { release: () => stored?.release(), settled: decoded };
}

/**
 * Point each image at its stored copy. An image that was not kept shows its description instead
 * (never a broken-image icon, and never a request to the network).
 */
function localizeImages(body: DocumentFragment, stored: StoredImages | null): HTMLImageElement[] {
  const kept: HTMLImageElement[] = [];
  for (const img of body.querySelectorAll('img')) {
    const local = stored?.urlFor(img.getAttribute('src') ?? '');
    if (!local) {
      const alt = img.getAttribute('alt');
      if (alt) img.replaceWith(Object.assign(img.ownerDocument.createElement('span'), { className: 'missing-image', textContent: t('missingImage', alt) }));
      else img.remove();
      continue;
    }
    // Reserve the image's space so restoring the reading position lands where it should.
    if (local.image.width && local.image.height && !img.getAttribute('width')) {
      img.setAttribute('width', String(local.image.width));
      img.setAttribute('height', String(local.image.height));
    }
    img.setAttribute('src', local.src);
    kept.push(img);
  }
  return kept;
}

/** The lead image with its caption, once, when the article's HTML does not already show it. */
function leadFigure(record: CaptureRecord, body: DocumentFragment, stored: StoredImages | null): HTMLElement | null {
  const lead = record.leadImage;
  if (!lead?.url || !stored?.urlFor(lead.url)) return null;
  if ([...body.querySelectorAll('img')].some((img) => img.getAttribute('src') === lead.url)) return null;
  // Made in the fragment's inert document, like the rest of the body (see renderArticle).
  const doc = body.ownerDocument;
  const figure = doc.createElement('figure');
  figure.className = 'lead-image';
  const img = doc.createElement('img');
  img.setAttribute('src', lead.url);
  img.setAttribute('alt', lead.alt ?? '');
  figure.append(img);
  if (lead.caption) figure.append(Object.assign(doc.createElement('figcaption'), { textContent: lead.caption }));
  return figure;
}
