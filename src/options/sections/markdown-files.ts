import { normalizeSettings, type Settings } from '../../core/shared/settings';
import { canPickFolder } from '../../features/markdown-export';
import { forgetFolder, savedFolder } from '../../platform/folder-handle';
import type { OptionsSection } from '../section';
import { t } from '../../platform/i18n';

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
      error.textContent = t('mdBadFolder');
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
  title: t('sectionMarkdownFiles'),
  async render(body, settings, save) {
    const intro = document.createElement('p');
    intro.className = 'hint';
    intro.textContent = t('mdIntro');
    const style = document.createElement('select');
    style.id = 'markdown-link-style';
    for (const [value, text] of [
      ['relative', t('mdLinkRelative')],
      ['wikilink', t('mdLinkWikilink')],
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
    styleLabel.textContent = t('mdLinkStyle');
    styleRow.append(styleLabel, style);
    body.append(intro, textField('markdown-asset-folder', t('mdAssetFolder'), settings.markdownAssetFolder, 'markdownAssetFolder', save), styleRow);

    const where = document.createElement('p');
    where.className = 'hint';
    where.id = 'markdown-destination';
    if (!canPickFolder()) {
      where.textContent = t('mdDownloadsHint');
      body.append(textField('markdown-downloads-folder', t('mdDownloadsFolder'), settings.markdownDownloadsFolder, 'markdownDownloadsFolder', save), where);
      return;
    }
    const folder = await savedFolder().catch(() => null);
    where.textContent = folder ? t('mdPickedFolder', folder.name) : t('mdNoFolder');
    body.append(where);
    if (folder) {
      const forget = document.createElement('button');
      forget.id = 'forget-folder';
      forget.className = 'link-button';
      forget.textContent = t('mdForget');
      forget.addEventListener('click', async () => {
        await forgetFolder();
        where.textContent = t('mdNoFolder');
        forget.remove();
      });
      body.append(forget);
    }
  },
};
