import { UniqueNames } from './filename';
import type { SavedArticle } from './markdown';

/** "{date} {title}": the published date (else the capture date) then the title. */
export function articleBaseName(article: Pick<SavedArticle, 'title' | 'published' | 'capturedAt'>): string {
  const date = (article.published ?? article.capturedAt ?? '').slice(0, 10);
  return `${date} ${article.title}`.trim();
}

/** File names for a set of articles, unique and safe, in the given order. */
export function exportFileNames(articles: Pick<SavedArticle, 'title' | 'published' | 'capturedAt'>[], extension = 'md'): string[] {
  const names = new UniqueNames();
  return articles.map((a) => names.take(articleBaseName(a), extension));
}
