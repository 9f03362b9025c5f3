import { formatBytes } from '../core/shared/format-bytes';
import { plural } from '../core/shared/plural';
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
  summary.textContent = 'Stored in your library…';
  box.append(summary);
  void describe(db, record, box, summary);
  return box;
}

async function describe(db: CleanCaptureDb, record: CaptureRecord, box: HTMLElement, summary: HTMLElement): Promise<void> {
  const [use, links] = await Promise.all([captureStorageUse(db, record), imageLinksOf(db, record.id!)]);
  const parts = [`text ${formatBytes(use.textBytes)}`];
  if (use.rawHtmlBytes) parts.push(`page HTML ${formatBytes(use.rawHtmlBytes)}`);
  parts.push(`images ${formatBytes(use.imageBytes)} (${use.images}${use.sharedImages ? `, ${use.sharedImages} shared with other articles` : ''})`);
  const total = use.textBytes + use.rawHtmlBytes + use.imageBytes;
  summary.textContent = `Stored: ${formatBytes(total)} — ${parts.join(' · ')}${use.failedImages ? ` · ${plural(use.failedImages, 'image')} not kept` : ''}`;
  box.dataset['bytes'] = String(total);
  box.dataset['imageBytes'] = String(use.imageBytes);
  const list = document.createElement('ul');
  for (const link of links) {
    const item = document.createElement('li');
    const name = link.url.split('/').pop()?.split('?')[0] || link.url;
    item.textContent = link.hash
      ? `${name}: ${formatBytes(link.bytes ?? 0)}${link.downscaled ? ` (downscaled from ${formatBytes(link.originalBytes ?? 0)})` : ''}`
      : `${name}: not kept. ${link.error ?? ''}`;
    item.title = link.url;
    list.append(item);
  }
  if (links.length) box.append(list);
  else box.append(Object.assign(document.createElement('p'), { textContent: 'This article has no stored images.' }));
}
