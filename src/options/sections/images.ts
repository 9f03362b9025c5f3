import { MB } from '../../core/shared/settings';
import type { OptionsSection } from '../section';
import { formatNumber, t } from '../../platform/i18n';
import { renderHostAccess } from './images-host-access';

/** Images kept offline: on/off and the two size caps, in MB (issue #6). */
export const imagesSection: OptionsSection = {
  id: 'images',
  title: t('sectionImages'),
  async render(body, settings, save) {
    const keep = document.createElement('label');
    keep.className = 'option';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'keep-images';
    box.checked = settings.keepImages;
    box.addEventListener('change', () => void save({ keepImages: box.checked }));
    keep.append(box, ` ${t('keepImages')}`);

    const cap = (id: string, label: string, value: number, min: number, max: number, key: 'imageMaxBytes' | 'captureImagesMaxBytes') => {
      const row = document.createElement('label');
      row.className = 'option';
      const input = document.createElement('input');
      input.type = 'number';
      input.id = id;
      input.min = String(min);
      input.max = String(max);
      input.step = '0.5';
      input.value = String(Math.round((value / MB) * 10) / 10);
      const error = document.createElement('span');
      error.className = 'field-error';
      error.setAttribute('role', 'alert');
      input.addEventListener('change', () => {
        const mb = Number(input.value);
        if (!Number.isFinite(mb) || mb < min || mb > max) {
          error.textContent = t('imageCapRange', formatNumber(min), formatNumber(max));
          return;
        }
        error.textContent = '';
        void save({ [key]: Math.round(mb * MB) });
      });
      row.append(`${label} `, input, ` ${t('megabytes')}`, error);
      return row;
    };
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('imagesHint');
    body.append(
      keep,
      cap('image-max', t('imageMaxLabel'), settings.imageMaxBytes, 0.1, 50, 'imageMaxBytes'),
      cap('capture-images-max', t('captureImagesMaxLabel'), settings.captureImagesMaxBytes, 1, 500, 'captureImagesMaxBytes'),
      hint,
    );
    await renderHostAccess(body);
  },
};
