import { plural } from '../core/shared/plural';

/** The library page's words, in one place (issue 17: they move to i18n later). */
export const TEXT = {
  count: (shown: number, total: number, filtered: boolean) => (total ? (filtered ? `${shown} of ${total} articles` : plural(total, 'article')) : ''),
  checked: (n: number) => `${plural(n, 'article')} checked`,
  archived: (n: number) => `Archived ${plural(n, 'article')}`,
  tagged: (tag: string, n: number) => `Tagged ${plural(n, 'article')} #${tag}`,
  deleted: (n: number) => `Deleted ${plural(n, 'article')}`,
  undo: 'Undo',
  read: 'Read',
  unread: 'Unread',
  archive: 'Archive',
  unarchive: 'Unarchive',
  renamed: (from: string, to: string, n: number) => `Renamed #${from} to #${to} on ${plural(n, 'article')}`,
  tagDeleted: (tag: string, n: number) => `Removed #${tag} from ${plural(n, 'article')}`,
  rename: 'Rename',
  remove: 'Delete',
  renameLabel: (tag: string) => `New name for #${tag}`,
  noTags: 'No tags yet. Add tags to an article in the reader (t), or to checked articles here.',
  tagCount: (n: number) => `(${n})`,
  needName: 'Type the new name first.',
};
