import { isHighlightColor, MAX_NOTE_CHARS, MAX_QUOTE_CHARS } from './highlight';

/**
 * What is wrong with a highlight read from a file (a backup), or null: the restore refuses the
 * whole file rather than store a highlight the reader or an export could not handle.
 */
export function checkHighlightRecord(row: Record<string, unknown>): string | null {
  if (typeof row['id'] !== 'string' || !row['id']) return '"id" must be a text id';
  if (typeof row['captureId'] !== 'number') return '"captureId" must be a number';
  if (typeof row['exact'] !== 'string' || !row['exact'].trim() || row['exact'].length > MAX_QUOTE_CHARS) return '"exact" must be the highlighted text';
  for (const field of ['prefix', 'suffix'] as const) if (typeof row[field] !== 'string') return `"${field}" must be text`;
  if (!isHighlightColor(row['color'])) return '"color" must be yellow, green, blue or pink';
  if (typeof row['note'] !== 'string' || row['note'].length > MAX_NOTE_CHARS) return '"note" must be plain text';
  for (const field of ['createdAt', 'updatedAt'] as const)
    if (typeof row[field] !== 'string' || Number.isNaN(Date.parse(row[field]))) return `"${field}" must be a date`;
  if (row['deletedAt'] !== undefined) return '"deletedAt": a backup holds no deleted highlights';
  return null;
}
