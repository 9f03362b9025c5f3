import type { CaptureRecord } from '../../../src/storage/records';

/*
 * Reads of the extension's library (IndexedDB 'clean-capture', store 'captures') for
 * `page.evaluate` in an extension page, in Playwright or Puppeteer. They are serialized into the
 * page, so each must stay self-contained: no imports, no outside names, no helper functions.
 */

/** Articles in the library: a deleted one stays a record (with `deletedAt`) until it is swept, and is not counted. */
export function countCaptures(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').getAll();
      req.onsuccess = () => {
        resolve(req.result.filter((r: { deletedAt?: string }) => r.deletedAt === undefined).length);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** A capture as `readCapture` hands it over: the stored page's bytes as a plain array. */
export type StoredCapture = Omit<CaptureRecord, 'rawHtmlGzip'> & { rawHtmlGzip?: number[] };

/**
 * One capture. Its bytes (`rawHtmlGzip`) come back as an array of numbers: WebDriver BiDi
 * (Puppeteer in Firefox) cannot hand a Uint8Array to the test at all (it arrives as undefined),
 * so the bytes are compared the same way in both browsers. The extension's messages take the
 * array back as bytes.
 */
export function readCapture(id: number): Promise<StoredCapture | undefined> {
  return new Promise<StoredCapture | undefined>((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').get(id);
      req.onsuccess = () => {
        const record = req.result;
        if (record?.rawHtmlGzip instanceof Uint8Array) record.rawHtmlGzip = Array.from(record.rawHtmlGzip);
        resolve(record);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** The image links of a capture (IndexedDB store 'imageLinks', index 'captureId'). */
export function readImageLinks(
  captureId: number,
): Promise<{ url: string; hash: string | null; bytes?: number; originalBytes?: number; downscaled?: boolean; error?: string }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('imageLinks').objectStore('imageLinks').index('captureId').getAll(captureId);
      req.onsuccess = () => {
        resolve(req.result);
        open.result.close();
      };
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
      req.onsuccess = () => {
        resolve(req.result);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** Every stored image: hash, type, bytes (blob size), width, height, orphaned or not. */
export function readImages(): Promise<{ hash: string; type: string; size: number; width: number | null; height: number | null; orphaned: boolean }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('images').objectStore('images').getAll();
      req.onsuccess = () => {
        resolve(
          req.result.map((r: { hash: string; type: string; blob: Blob; width: number | null; height: number | null; orphanedAt?: number }) => ({
            hash: r.hash,
            type: r.type,
            size: r.blob.size,
            width: r.width,
            height: r.height,
            orphaned: r.orphanedAt !== undefined,
          })),
        );
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/**
 * The page kept with the first whole-article capture (not a selection): whether it is stored as
 * bytes, and how many. Checked in the page, where a Uint8Array is still one.
 */
export function readKeptPage(): Promise<{ bytes: boolean; size: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').getAll();
      req.onsuccess = () => {
        const record = req.result.find((r: { selectionOnly: boolean }) => !r.selectionOnly);
        resolve({ bytes: record.rawHtmlGzip instanceof Uint8Array, size: record.rawHtmlGzip?.byteLength ?? 0 });
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** Every record of the 'captures' store, deleted ones included: title and text. */
export function readAllCaptures(): Promise<{ title: string; textContent: string }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('captures').objectStore('captures').getAll();
      req.onsuccess = () => {
        resolve(req.result);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** Where the reader is in an article (store 'reading'), and when it was read to the end. */
export function readReading(id: number): Promise<{ progress: number; readAt?: string } | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('clean-capture');
    open.onsuccess = () => {
      const req = open.result.transaction('reading').objectStore('reading').get(id);
      req.onsuccess = () => {
        resolve(req.result);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}
