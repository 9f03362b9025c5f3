import { closestTag } from './dom';

/**
 * Lazy-loading pages keep the real image address in data-* attributes or a srcset and put a
 * placeholder (a blank GIF, a data: URI, "spacer.png") in src. Resolve them before extraction so
 * the saved article points at the real images (issue #6). Works on any DOM; the live page's
 * chosen sources (`currentSrc`) may be passed in, in document order.
 */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-actualsrc', 'data-echo'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER =
  /^(?:data:|about:blank)|(?:^|[/_.-])(?:blank|spacer|placeholder|pixel|transparent|grey|gray|lazy|loading|1x1)[\w-]*\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)/i;

/** True when `src` is missing or only a placeholder. */
export function isPlaceholderSrc(src: string | null | undefined): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src.trim());
}

/** The largest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" → b.jpg; densities likewise). */
export function largestFromSrcset(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  let best: { url: string; size: number } | null = null;
  // Candidates are "url descriptor" separated by commas; a URL may itself contain commas only
  // when followed by no space, which this split keeps together.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url || url.startsWith('data:')) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('w') ? 1 : 1000);
    if (!best || (Number.isFinite(size) && size > best.size)) best = { url: url.replace(/,$/, ''), size: Number.isFinite(size) ? size : 0 };
  }
  return best?.url ?? null;
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Resolve lazy images of `doc` in place. `liveSources[i]` is the live page's currentSrc of the i-th <img>. */
export function resolveLazyImages(doc: Document, base: string, liveSources: (string | null)[] = []): number {
  let resolved = 0;
  pageImages(doc).forEach((img, i) => {
    const src = img.getAttribute('src');
    if (!isPlaceholderSrc(src)) return;
    const live = liveSources[i];
    let real: string | null = live && !isPlaceholderSrc(live) ? live : null;
    for (const name of LAZY_SRC) {
      if (real) break;
      const value = img.getAttribute(name);
      if (value && !isPlaceholderSrc(value)) real = value.trim();
    }
    for (const name of [...LAZY_SRCSET, 'srcset']) {
      if (real) break;
      real = largestFromSrcset(img.getAttribute(name));
    }
    // <picture><source srcset=…><img src=placeholder></picture>
    if (!real && img.parentElement?.tagName === 'PICTURE') {
      for (const source of img.parentElement.querySelectorAll('source')) {
        real = largestFromSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'));
        if (real) break;
      }
    }
    const url = real && absolute(real, base);
    if (url) {
      img.setAttribute('src', url);
      resolved++;
    }
  });
  return resolved;
}

const TEMPLATE = new Set(['TEMPLATE']);

/**
 * The page's <img>s in document order, as querySelectorAll('img') and document.images list them:
 * none from a <template>'s inert content, which some DOMs (linkedom) keep in the tree. (A
 * selector query is compiled and matched per element in linkedom; a tag search is a plain walk.)
 */
function pageImages(doc: Document): Element[] {
  return [...doc.getElementsByTagName('img')].filter((img) => !closestTag(img, TEMPLATE));
}
