import type { Capture } from '../core/shared/capture';
import { extract } from '../core/extract/extract';
import { resolveLazyImages } from '../core/extract/lazy-images';
import { parseDocument } from './dom';

/**
 * A saved page's HTML → its Capture, exactly as the CLI does it (and so eval and bench): parsed
 * with linkedom, lazy images resolved, the document handed over to extract.
 */
export function extractSavedPage(html: string, url: string): Capture {
  const prepared = () => {
    const doc = parseDocument(html, url);
    resolveLazyImages(doc, url);
    return doc;
  };
  return extract(prepared(), url, { consumeDocument: true, reparse: prepared });
}
