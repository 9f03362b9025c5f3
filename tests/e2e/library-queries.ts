import type { CaptureRecord } from '../../src/storage/db';

/*
 * Reads of the extension's library (IndexedDB 'clean-capture', store 'captures') for
 * `page.evaluate` in an extension page, in Playwright or Puppeteer. They are serialized into the
 * page, so each must stay self-contained: no imports, no outside names, no helper functions.
 */

export function countCaptures(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').count();
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

export function readCapture(id: number): Promise<CaptureRecord | undefined> {
  return new Promise<CaptureRecord | undefined>((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').get(id);
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** Older versions kept (store 'versions', schema v2). */
export function countVersions(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('versions').objectStore('versions').count();
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}
