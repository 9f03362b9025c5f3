import type { SavedArticle } from '../shared/capture';
import type { Highlight } from './highlight';

/**
 * An article's highlights as a W3C Web Annotation collection (JSON-LD, https://www.w3.org/TR/annotation-model/):
 * each highlight an Annotation whose target is the article's address with its TextQuoteSelector
 * and TextPositionSelector, motivated by `highlighting`, or `commenting` with its note as a
 * plain-text TextualBody. The colour rides along as a `cc:color` extension. Other tools
 * (Hypothesis and any Web Annotation client) read the selectors as they are.
 */
export function toWebAnnotations(article: Pick<SavedArticle, 'title' | 'url' | 'canonicalUrl'>, highlights: readonly Highlight[]): Record<string, unknown> {
  const source = article.canonicalUrl || article.url;
  const items = [...highlights]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((h) => ({
      id: `urn:uuid:${h.id}`,
      type: 'Annotation',
      motivation: h.note.trim() ? 'commenting' : 'highlighting',
      created: h.createdAt,
      modified: h.updatedAt,
      ...(h.note.trim() ? { body: { type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' } } : {}),
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          ...(h.start !== undefined && h.end !== undefined ? [{ type: 'TextPositionSelector', start: h.start, end: h.end }] : []),
        ],
      },
      'cc:color': h.color,
    }));
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { cc: 'https://clean-capture.invalid/ns#' }],
    type: 'AnnotationCollection',
    label: `Highlights of “${article.title}”`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * A whole library's highlights as one Web Annotation collection (the CLI's `export --format
 * jsonld`): the same Annotation for each highlight as the reader's per-article export, articles
 * newest first, each article's highlights oldest first, deleted ones left out by the caller.
 */
export function toLibraryWebAnnotations(
  articles: readonly (Pick<SavedArticle, 'title' | 'url' | 'canonicalUrl'> & { highlights?: readonly Highlight[] })[],
  label = 'Clean Capture highlights',
): Record<string, unknown> {
  const items = articles.flatMap((article) => {
    const own = article.highlights ?? [];
    return own.length ? ((toWebAnnotations(article, own).first as { items: unknown[] }).items ?? []) : [];
  });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { cc: 'https://clean-capture.invalid/ns#' }],
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
