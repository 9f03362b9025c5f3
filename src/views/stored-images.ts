import type { CleanCaptureDb } from '../storage/db';
import type { ImageLinkRecord, ImageRecord } from '../storage/records';
import { captureImages } from '../storage/image-queries';

/**
 * Object URLs for a capture's stored images, by the address they have in its HTML. The reader
 * shows these instead of the network (the CSP allows blob: images and no remote ones).
 */
export interface StoredImages {
  links: ImageLinkRecord[];
  urlFor(original: string): { src: string; image: ImageRecord } | null;
  /** Revoke the object URLs (the view is closing or redrawing). */
  release(): void;
}

export async function loadStoredImages(db: CleanCaptureDb, captureId: number): Promise<StoredImages> {
  const { links, images } = await captureImages(db, captureId);
  const byHash = new Map<string, string>();
  const byUrl = new Map<string, { src: string; image: ImageRecord }>();
  for (const link of links) {
    const image = link.hash ? images.get(link.hash) : undefined;
    if (!image) continue;
    let src = byHash.get(image.hash);
    if (!src) {
      src = URL.createObjectURL(image.blob);
      byHash.set(image.hash, src);
    }
    byUrl.set(link.url, { src, image });
  }
  return {
    links,
    urlFor: (original) => byUrl.get(original) ?? null,
    release: () => byHash.forEach((src) => URL.revokeObjectURL(src)),
  };
}
