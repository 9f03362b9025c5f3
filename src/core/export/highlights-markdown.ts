import type { Highlight } from '../highlights/highlight';
import { placeHighlights } from '../highlights/place-highlights';

/**
 * Highlights in Markdown (issue #16). A quote and a note are plain text: every character Markdown
 * would read as markup is escaped, so a note that looks like HTML or a link stays text.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~=]/g, '\\$&')
    .replace(/^(\s*)([#+-]|\d+[.)])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)>/gm, '$1\\>');
}

function quoteBlock(h: Highlight): string {
  const lines = h.exact
    .trim()
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .map((line) => `> ${escapeMarkdownText(line.replace(/\s+/g, ' '))}`);
  const note = h.note.trim();
  return `${lines.join('\n>\n')}${note ? `\n\n${escapeMarkdownText(note)}` : ''}`;
}

/** "## Highlights": each quote (oldest first) with its note under it; empty when there are none. */
export function highlightsSection(highlights: readonly Highlight[], title = 'Highlights'): string {
  if (!highlights.length) return '';
  const ordered = [...highlights].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return `## ${title}\n\n${ordered.map(quoteBlock).join('\n\n')}\n`;
}

/**
 * The body's HTML with each highlight wrapped in <mark data-highlight> (inline `==marks==`), and
 * the highlights that carry a note or could not be placed, for the section after the text.
 */
export function markHighlightsInHtml(html: string, highlights: readonly Highlight[], parse: (html: string) => Document): { html: string; listed: Highlight[] } {
  const doc = parse(`<!doctype html><html><body>${html}</body></html>`);
  const { placed, orphans } = placeHighlights(doc.body, highlights, () => {
    const mark = doc.createElement('mark');
    mark.setAttribute('data-highlight', '');
    return mark;
  });
  const withNotes = placed.map((p) => p.highlight).filter((h) => h.note.trim());
  return { html: doc.body.innerHTML, listed: [...withNotes, ...orphans] };
}
