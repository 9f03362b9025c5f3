import type { HighlightColor } from '../core/highlights/highlight';
import { t } from '../platform/i18n';

/**
 * Every string the highlight UI shows (issue #16), read from the UI's locale when used (issue 17).
 * A colour's name sits inside a sentence, so each sentence has one key per colour: word order and
 * agreement differ by language.
 */
export const HIGHLIGHT_STRINGS = {
  highlightAs: (color: HighlightColor): string =>
    color === 'yellow' ? t('hlHighlightYellow') : color === 'green' ? t('hlHighlightGreen') : color === 'blue' ? t('hlHighlightBlue') : t('hlHighlightPink'),
  recolor: (color: HighlightColor): string =>
    color === 'yellow' ? t('hlRecolorYellow') : color === 'green' ? t('hlRecolorGreen') : color === 'blue' ? t('hlRecolorBlue') : t('hlRecolorPink'),
  get highlightShortcut() {
    return t('hlShortcut');
  },
  get note() {
    return t('hlNote');
  },
  get noteTitle() {
    return t('hlNoteTitle');
  },
  get copyQuote() {
    return t('hlCopyQuote');
  },
  get copied() {
    return t('hlCopied');
  },
  get copyFailed() {
    return t('hlCopyFailed');
  },
  get editorLabel() {
    return t('hlEditorLabel');
  },
  get noteLabel() {
    return t('hlNoteLabel');
  },
  get notePlaceholder() {
    return t('hlNotePlaceholder');
  },
  get saveNote() {
    return t('hlSaveNote');
  },
  get remove() {
    return t('hlRemove');
  },
  get close() {
    return t('close');
  },
  get removed() {
    return t('hlRemoved');
  },
  get undo() {
    return t('undo');
  },
  failed: (why: string): string => t('hlFailed', why),
  get orphansTitle() {
    return t('hlOrphansTitle');
  },
  get orphansHelp() {
    return t('hlOrphansHelp');
  },
};
