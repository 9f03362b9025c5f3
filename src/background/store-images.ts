import type { FetchedImage } from '../content-protocol';
import type { ImagesOutcome } from '../messages';
import { sniffImageType } from '../core/library/image-type';
import { formatBytes } from '../core/shared/format-bytes';
import { base64ToBytes } from '../core/shared/base64';
import type { Settings } from '../core/shared/settings';
import type { CleanCaptureDb } from '../storage/db';
import type { ImageLinkRecord } from '../storage/records';
import { putImage, setCaptureImages } from '../storage/images';
import { downscale, imageSize } from './downscale';
import { sha256Hex } from './image-bytes';
import { errorMessage } from '../core/shared/errors';

export type FetchImage = (url: string, maxBytes: number) => Promise<FetchedImage>;

type Caps = Pick<Settings, 'imageMaxBytes' | 'captureImagesMaxBytes'>;

/** How much may be downloaded to then downscale: generous, but bounded. */
export function downloadLimit(caps: Caps): number {
  return Math.min(Math.max(caps.imageMaxBytes * 8, 20 * 1024 * 1024), 100 * 1024 * 1024);
}

const CONCURRENCY = 3;

/**
 * Fetch the capture's images (through `fetchImage`, which runs in the page), keep each once by
 * the SHA-256 of its bytes, downscale those over the per-image cap, stop at the per-capture cap,
 * and link them all to the capture — failures included, each with its reason. Never throws for
 * one image: the capture is already saved.
 */
export async function storeCaptureImages(
  db: CleanCaptureDb,
  captureId: number,
  urls: string[],
  caps: Caps,
  fetchImage: FetchImage,
  now = new Date(),
): Promise<ImagesOutcome> {
  const links: Omit<ImageLinkRecord, 'captureId'>[] = new Array(urls.length);
  let budget = caps.captureImagesMaxBytes;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      const url = urls[index]!;
      try {
        const link = await storeOne(
          db,
          url,
          caps,
          fetchImage,
          () => budget,
          (bytes) => (budget -= bytes),
          now,
        );
        links[index] = link;
      } catch (error) {
        links[index] = { url, hash: null, error: `The image could not be stored (${errorMessage(error)}).` };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
  await setCaptureImages(db, captureId, links, now);
  const stored = links.filter((l) => l.hash);
  return { stored: stored.length, failed: links.length - stored.length, bytes: stored.reduce((sum, l) => sum + (l.bytes ?? 0), 0) };
}

async function storeOne(
  db: CleanCaptureDb,
  url: string,
  caps: Caps,
  fetchImage: FetchImage,
  remaining: () => number,
  spend: (bytes: number) => void,
  now: Date,
): Promise<Omit<ImageLinkRecord, 'captureId'>> {
  if (remaining() <= 0) return { url, hash: null, error: budgetError(caps) };
  const fetched = await fetchImage(url, downloadLimit(caps));
  if (!fetched.ok) return { url, hash: null, error: fetched.error };
  const bytes = base64ToBytes(fetched.base64);
  if (!bytes) return { url, hash: null, error: 'The image arrived damaged from the page (not base64).' };
  const type = sniffImageType(bytes, fetched.type);
  if (!type) return { url, hash: null, error: `The address did not give an image (${fetched.type || 'unknown type'}).` };
  // The key is the hash of the bytes as the site serves them: the same picture saved from two
  // articles is stored once, whatever the caps were.
  const hash = await sha256Hex(bytes);
  const existing = await db.images.get(hash);
  if (existing) {
    if (existing.bytes > remaining()) return { url, hash: null, error: budgetError(caps) };
    spend(existing.bytes);
    return { url, hash, bytes: existing.bytes, ...(existing.bytes < bytes.length ? { originalBytes: bytes.length, downscaled: true } : {}) };
  }
  let blob = new Blob([bytes as BlobPart], { type });
  let storedType = type;
  let size = await imageSize(blob, type);
  let downscaled = false;
  if (blob.size > caps.imageMaxBytes) {
    const smaller = await downscale(blob, type, caps.imageMaxBytes).catch(() => null);
    if (!smaller) {
      return {
        url,
        hash: null,
        error: `The image is ${formatBytes(blob.size)}, over the ${formatBytes(caps.imageMaxBytes)} limit per image, and could not be made smaller.`,
      };
    }
    blob = smaller.blob;
    storedType = smaller.blob.type;
    size = { width: smaller.width, height: smaller.height };
    downscaled = true;
  }
  if (blob.size > remaining()) return { url, hash: null, error: budgetError(caps) };
  spend(blob.size);
  await putImage(db, { hash, blob, type: storedType, bytes: blob.size, width: size?.width ?? null, height: size?.height ?? null }, now);
  return { url, hash, bytes: blob.size, ...(downscaled ? { originalBytes: bytes.length, downscaled } : {}) };
}

function budgetError(caps: Caps): string {
  return `Not kept: this article's images reached the ${formatBytes(caps.captureImagesMaxBytes)} limit per article.`;
}
