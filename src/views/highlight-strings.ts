import type { HighlightColor } from '../core/highlights/highlight';

/** Every string the highlight UI shows (issue #16), in one place for the i18n move. */
export const HIGHLIGHT_STRINGS = {
  colorName: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink' } satisfies Record<HighlightColor, string>,
  highlightAs: (color: string) => `Highlight ${color}`,
  highlightShortcut: 'Highlight (h)',
  note: 'Note',
  noteTitle: 'Highlight and write a note',
  copyQuote: 'Copy quote',
  copied: 'Quote copied',
  copyFailed: 'The quote could not be copied: the browser refused the clipboard.',
  editorLabel: 'Edit highlight',
  noteLabel: 'Note (plain text)',
  notePlaceholder: 'Write a note…',
  saveNote: 'Save note',
  remove: 'Remove',
  close: 'Close',
  recolor: (color: string) => `Make it ${color}`,
  removed: 'Highlight removed',
  undo: 'Undo',
  failed: (why: string) => `That did not work: ${why}`,
  orphansTitle: 'Highlights not found in this text',
  orphansHelp: 'The article changed and these passages are no longer in it. They are kept here, and in every export.',
} as const;
