import type { Handlers } from '../messages';
import type { CleanCaptureDb } from '../storage/db';
import { allHighlights, highlightsOf } from '../storage/highlight-queries';
import { addHighlight, deleteHighlight, restoreHighlight, updateHighlight } from '../storage/highlights';

type HighlightMessages = 'add-highlight' | 'update-highlight' | 'delete-highlight' | 'restore-highlight' | 'list-highlights';

/**
 * The highlight messages (issue #16). Each write re-indexes its article: search finds text in
 * highlights and notes.
 */
export function highlightHandlers(db: CleanCaptureDb, reindex: (captureId: number) => void): Pick<Handlers, HighlightMessages> {
  return {
    'add-highlight': async ({ type: _type, ...input }) => {
      const highlight = await addHighlight(db, input);
      reindex(highlight.captureId);
      return { id: highlight.id };
    },
    'update-highlight': async ({ id, color, note }) => {
      const highlight = await updateHighlight(db, id, { color, note });
      if (highlight) reindex(highlight.captureId);
      return { highlight };
    },
    'delete-highlight': async ({ id }) => {
      const stone = await db.highlights.get(String(id));
      const deleted = await deleteHighlight(db, id);
      if (deleted && stone) reindex(stone.captureId);
      return { deleted };
    },
    'restore-highlight': async ({ id }) => {
      const highlight = await restoreHighlight(db, id);
      reindex(highlight.captureId);
      return { highlight };
    },
    'list-highlights': async ({ captureId }) => ({
      highlights: captureId === undefined ? await allHighlights(db) : await highlightsOf(db, Number(captureId)),
    }),
  };
}
