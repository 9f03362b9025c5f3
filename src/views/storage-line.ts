import { formatNumber, formatSize, t, tn } from '../platform/i18n';
import type { CleanCaptureDb } from '../storage/db';
import type { CaptureRecord } from '../storage/records';
import { captureStorageUse, imageLinksOf } from '../storage/image-queries';

/**
 * "Stored: text 12 KB · images 85 KB (2)" under the article, with the images that could not be
 * kept and why (issue #6). Filled in when the numbers are ready.
 */
export function storageLine(db: CleanCaptureDb, record: CaptureRecord): HTMLElement {
  const box = document.createElement('details');
  box.className = 'article-storage';
  const summary = document.createElement('summary');
  summary.textContent = t('storedSummaryPending');
  box.append(summary);
  void describe(db, record, box, summary);
  return box;
}

async function describe(db: CleanCaptureDb, record: CaptureRecord, box: HTMLElement, summary: HTMLElement): Promise<void> {
  const [use, links] = await Promise.all([captureStorageUse(db, record), imageLinksOf(db, record.id!)]);
  const parts = [t('storedText', formatSize(use.textBytes))];
  if (use.rawHtmlBytes) parts.push(t('storedPageHtml', formatSize(use.rawHtmlBytes)));
  const imageCount = use.sharedImages ? t('storedImageCountShared', formatNumber(use.images), formatNumber(use.sharedImages)) : formatNumber(use.images);
  parts.push(t('storedImages', formatSize(use.imageBytes), imageCount));
  if (use.failedImages) parts.push(tn('imagesNotKept', use.failedImages));
  const total = use.textBytes + use.rawHtmlBytes + use.imageBytes;
  summary.textContent = t('storedSummary', formatSize(total), parts.join(' · '));
  box.dataset['bytes'] = String(total);
  box.dataset['imageBytes'] = String(use.imageBytes);
  const list = document.createElement('ul');
  for (const link of links) {
    const item = document.createElement('li');
    const name = link.url.split('/').pop()?.split('?')[0] || link.url;
    item.textContent = link.hash
      ? link.downscaled
        ? t('storedImageDownscaled', name, formatSize(link.bytes ?? 0), formatSize(link.originalBytes ?? 0))
        : t('storedImageSize', name, formatSize(link.bytes ?? 0))
      : t('storedImageNotKept', name, link.error ?? '');
    item.title = link.url;
    list.append(item);
  }
  if (links.length) box.append(list);
  else box.append(Object.assign(document.createElement('p'), { textContent: t('storedNoImages') }));
}
