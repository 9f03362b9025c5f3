import { UniqueNames } from './filename';
import type { SavedArticle } from '../shared/capture';
import { DEFAULT_FILE_NAME_TEMPLATE, renderFileName } from './template';

/** The base name from the file-name template (default "{date} {title}"). */
function articleBaseName(article: SavedArticle, template = DEFAULT_FILE_NAME_TEMPLATE): string {
  return renderFileName(template, article);
}

/** File names for a set of articles, unique and safe, in the given order. */
export function exportFileNames(articles: SavedArticle[], extension = 'md', template = DEFAULT_FILE_NAME_TEMPLATE): string[] {
  const names = new UniqueNames();
  return articles.map((a) => names.take(articleBaseName(a, template), extension));
}
