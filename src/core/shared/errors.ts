/**
 * Capture failures are values with a code (so the popup and badge can say what happened) and a
 * sentence a person understands, saying what to do next (STYLE.md §11).
 */
export type CaptureErrorCode =
  | 'restricted-page'
  | 'not-html'
  | 'no-article'
  | 'no-permission'
  | 'no-tab'
  | 'page-unreachable'
  | 'storage-failed'
  | 'bad-backup'
  | 'not-allowed'
  | 'not-found'
  | 'bad-input'
  | 'bad-request'
  | 'internal';

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

/**
 * The sentence of anything thrown: an Error's message; an error-like object's (one from another
 * realm, or a browser API's plain `{ message }`); else the value as text.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function isCaptureError(value: unknown): value is CaptureError {
  return value instanceof Error && value.name === 'CaptureError' && 'code' in value;
}

export const noArticle = () => new CaptureError('no-article', 'No article was found on this page. Select the part you want and use "Save selection".');

export const notHtml = (contentType: string) => {
  const kind = contentType === 'application/pdf' ? 'a PDF' : contentType.startsWith('image/') ? 'an image' : `"${contentType}"`;
  return new CaptureError('not-html', `This page is ${kind}, not a web page, so there is no article to save. Download it instead.`);
};
