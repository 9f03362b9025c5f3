import { normalizeSettings, type Settings } from '../../core/shared/settings';
import { canPickFolder } from '../../features/markdown-export';
import { forgetFolder, savedFolder } from '../../platform/folder-handle';
import type { OptionsSection } from '../section';

/** The UI strings of this section, in one place. */
const TEXT = {
  title: 'Markdown with images',
  intro: 'The reader’s Export Markdown, Save to folder… and Save to Downloads write the article with its stored images as files beside it.',
  assetFolder: 'Images folder (beside the .md file; empty: the same folder)',
  linkStyle: 'Image links',
  relative: 'Relative path: ![alt](assets/x.jpg)',
  wikilink: 'Obsidian embed: ![[x.jpg]]',
  badFolder: 'Use a relative folder like "assets" or "attachments/clips": no "..", no leading "/", none of < > : " \\ | ? *.',
  downloadsFolder: 'Folder in Downloads',
  downloadsHint:
    'Firefox cannot write into a folder you pick: Save to Downloads puts the article and its images into this folder of your Downloads folder, asking once for the “Download files” permission. A name already taken gets a number; nothing is overwritten.',
  pickedFolder: (name: string) => `Save to folder… writes into “${name}”. Files already there are never overwritten (a new name gets a number).`,
  noFolder: 'Save to folder… asks for a folder the first time (an Obsidian vault, a notes repository) and remembers it.',
  forget: 'Choose another folder next time',
};

function textField(
  id: string,
  label: string,
  value: string,
  key: 'markdownAssetFolder' | 'markdownDownloadsFolder',
  save: (patch: Partial<Settings>) => Promise<void>,
) {
  const row = document.createElement('label');
  row.className = 'field';
  const span = document.createElement('span');
  span.textContent = label;
  const input = document.createElement('input');
  input.id = id;
  input.value = value;
  input.spellcheck = false;
  const error = document.createElement('span');
  error.id = `${id}-error`;
  error.className = 'field-error';
  error.setAttribute('role', 'alert');
  input.addEventListener('change', () => {
    const typed = input.value.trim();
    // The settings' own check decides: a value it would replace by the default is refused here.
    if (normalizeSettings({ [key]: typed })[key] !== typed) {
      error.textContent = TEXT.badFolder;
      return;
    }
    error.textContent = '';
    void save({ [key]: typed });
  });
  row.append(span, input, error);
  return row;
}

export const markdownFilesSection: OptionsSection = {
  id: 'markdown-files',
  title: TEXT.title,
  async render(body, settings, save) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = TEXT.intro;
    const style = document.createElement('select');
    style.id = 'markdown-link-style';
    for (const [value, text] of [
      ['relative', TEXT.relative],
      ['wikilink', TEXT.wikilink],
    ] as const) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      style.append(option);
    }
    style.value = settings.markdownLinkStyle;
    style.addEventListener('change', () => void save({ markdownLinkStyle: style.value as Settings['markdownLinkStyle'] }));
    const styleRow = document.createElement('label');
    styleRow.className = 'field';
    const styleLabel = document.createElement('span');
    styleLabel.textContent = TEXT.linkStyle;
    styleRow.append(styleLabel, style);
    body.append(intro, textField('markdown-asset-folder', TEXT.assetFolder, settings.markdownAssetFolder, 'markdownAssetFolder', save), styleRow);

    const where = document.createElement('p');
    where.className = 'hint';
    where.id = 'markdown-destination';
    if (!canPickFolder()) {
      where.textContent = TEXT.downloadsHint;
      body.append(textField('markdown-downloads-folder', TEXT.downloadsFolder, settings.markdownDownloadsFolder, 'markdownDownloadsFolder', save), where);
      return;
    }
    const folder = await savedFolder().catch(() => null);
    where.textContent = folder ? TEXT.pickedFolder(folder.name) : TEXT.noFolder;
    body.append(where);
    if (folder) {
      const forget = document.createElement('button');
      forget.id = 'forget-folder';
      forget.className = 'link-button';
      forget.textContent = TEXT.forget;
      forget.addEventListener('click', async () => {
        await forgetFolder();
        where.textContent = TEXT.noFolder;
        forget.remove();
      });
      body.append(forget);
    }
  },
};
