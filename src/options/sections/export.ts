import { toMarkdown } from '../../core/export/markdown';
import { SAMPLE_ARTICLE } from '../../core/export/sample-article';
import { safeBaseName } from '../../core/export/filename';
import { checkFrontMatterTemplate, renderFileName, TEMPLATE_VARIABLES } from '../../core/export/template';
import { runZipExport } from '../../features/export-progress';
import { libraryDb } from '../../platform/library-db';
import { allCaptureIds } from '../../storage/export-source';
import type { OptionsSection } from '../section';
import { errorMessage } from '../../core/shared/errors';
import { t } from '../../platform/i18n';

function field(labelText: string, control: HTMLElement): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'field';
  const span = document.createElement('span');
  span.textContent = labelText;
  label.append(span, control);
  return label;
}

/** File-name and front-matter templates with a live preview on a sample article; zip export. */
export const exportSection: OptionsSection = {
  id: 'export',
  title: t('sectionExport'),
  render(body, settings, save) {
    const fileName = document.createElement('input');
    fileName.id = 'file-name-template';
    fileName.value = settings.fileNameTemplate;
    fileName.spellcheck = false;
    const frontMatter = document.createElement('textarea');
    frontMatter.id = 'front-matter-template';
    frontMatter.rows = 12;
    frontMatter.spellcheck = false;
    frontMatter.value = settings.frontMatterTemplate;
    const vars = document.createElement('details');
    vars.className = 'hint';
    const summary = document.createElement('summary');
    summary.textContent = t('templateVariables');
    const list = document.createElement('dl');
    list.className = 'variables';
    for (const [name, what] of Object.entries(TEMPLATE_VARIABLES)) {
      const dt = document.createElement('dt');
      dt.textContent = `{${name}}`;
      const dd = document.createElement('dd');
      dd.textContent = what;
      list.append(dt, dd);
    }
    vars.append(summary, list);

    const preview = document.createElement('pre');
    preview.id = 'template-preview';
    preview.className = 'preview';
    // It scrolls: keyboard users must be able to reach it and scroll it (axe scrollable-region-focusable).
    preview.tabIndex = 0;
    preview.setAttribute('role', 'region');
    preview.setAttribute('aria-label', t('templatePreviewLabel'));
    const problem = document.createElement('p');
    problem.id = 'template-error';
    problem.className = 'hint error-text';
    problem.setAttribute('role', 'alert');

    const update = () => {
      try {
        if (!/\{\w+\}/.test(fileName.value)) throw new Error(t('fileNameNeedsVariable'));
        const name = `${safeBaseName(renderFileName(fileName.value, SAMPLE_ARTICLE))}.md`;
        checkFrontMatterTemplate(frontMatter.value);
        const md = toMarkdown(SAMPLE_ARTICLE, { frontMatterTemplate: frontMatter.value });
        preview.textContent = `${name}\n\n${md}`;
        problem.textContent = '';
        return true;
      } catch (error) {
        problem.textContent = errorMessage(error);
        return false;
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      if (!update()) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save({ fileNameTemplate: fileName.value, frontMatterTemplate: frontMatter.value }), 400);
    };
    fileName.addEventListener('input', onInput);
    frontMatter.addEventListener('input', onInput);

    const images = document.createElement('select');
    images.id = 'zip-images';
    for (const [value, text] of [
      ['assets', t('zipImagesAssets')],
      ['remote', t('zipImagesRemote')],
    ]) {
      const option = document.createElement('option');
      option.value = value!;
      option.textContent = text!;
      images.append(option);
    }
    images.value = settings.zipImages;
    images.addEventListener('change', () => void save({ zipImages: images.value as 'assets' | 'remote' }));

    // Issue #16: where highlights go in Markdown.
    const marks = document.createElement('select');
    marks.id = 'markdown-highlights';
    for (const [value, text] of [
      ['section', t('markdownHighlightsSection')],
      ['inline', t('markdownHighlightsInline')],
    ]) {
      const option = document.createElement('option');
      option.value = value!;
      option.textContent = text!;
      marks.append(option);
    }
    marks.value = settings.markdownHighlights;
    marks.addEventListener('change', () => void save({ markdownHighlights: marks.value as 'section' | 'inline' }));

    const exportAll = document.createElement('button');
    exportAll.id = 'export-all';
    exportAll.className = 'text-button bordered';
    exportAll.textContent = t('exportAll');
    const progress = document.createElement('div');
    progress.id = 'export-progress';
    progress.hidden = true;
    exportAll.addEventListener('click', async () => {
      exportAll.disabled = true;
      await runZipExport(progress, await allCaptureIds(libraryDb()));
      exportAll.disabled = false;
    });

    const reset = document.createElement('button');
    reset.className = 'link-button';
    reset.textContent = t('resetTemplates');
    reset.addEventListener('click', async () => {
      await save({ fileNameTemplate: '', frontMatterTemplate: '' }); // invalid → defaults
      location.reload();
    });

    body.append(
      field(t('fileNameLabel'), fileName),
      field(t('frontMatterLabel'), frontMatter),
      vars,
      problem,
      field(t('previewLabel'), preview),
      reset,
      field(t('zipImagesLabel'), images),
      field(t('markdownHighlightsLabel'), marks),
      exportAll,
      progress,
    );
    update();
  },
};
