import { canDownscale, downscaleSteps } from '../core/library/image-type';

export interface Downscaled {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * An image too large for the per-image cap, re-encoded smaller (createImageBitmap +
 * OffscreenCanvas: both exist in Chrome's service worker and Firefox's event page). Photos become
 * JPEG; images that may be transparent become WebP. Null when it cannot be brought under the cap.
 */
export async function downscale(blob: Blob, type: string, maxBytes: number): Promise<Downscaled | null> {
  if (!canDownscale(type) || typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return null;
  const bitmap = await createImageBitmap(blob);
  try {
    const output = type === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
    for (const scale of downscaleSteps(blob.size, maxBytes)) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      const smaller = await canvas.convertToBlob({ type: output, quality: 0.85 });
      if (smaller.size <= maxBytes) return { blob: smaller, width, height };
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** Pixel size of an image, when the browser can decode it here. */
export async function imageSize(blob: Blob, type: string): Promise<{ width: number; height: number } | null> {
  if (!canDownscale(type) || typeof createImageBitmap === 'undefined') return null;
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}
