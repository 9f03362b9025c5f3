import { tryNormalizeUrl } from '../../../src/core/library/url';
import { liveByUrlKeys } from '../../../src/storage/capture-queries';
import type { CleanCaptureDb } from '../../../src/storage/db';
import type { CaptureRecord } from '../../../src/storage/records';

/** The live record known at a page address (the library itself only asks whether one exists: isUrlSaved). */
export async function findCaptureByUrl(db: CleanCaptureDb, url: string): Promise<CaptureRecord | undefined> {
  const key = tryNormalizeUrl(url);
  return key ? liveByUrlKeys(db, [key]).first() : undefined;
}
