/**
 * The folder the user picked for "Save to folder…" (File System Access API, Chrome), remembered
 * across sessions. A FileSystemDirectoryHandle survives only in IndexedDB (structured clone), and
 * the library database is the background's alone: this is a small database of the pages' own.
 */
const DB_NAME = 'clean-capture-ui';
const STORE = 'handles';
const KEY = 'markdown-folder';

/** What Chrome adds to handles and windows; TypeScript's DOM library does not declare it yet. */
export interface PermissionedHandle extends FileSystemDirectoryHandle {
  queryPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export async function savedFolder(): Promise<PermissionedHandle | null> {
  return ((await run<PermissionedHandle | undefined>('readonly', (store) => store.get(KEY))) ?? null) as PermissionedHandle | null;
}

export async function rememberFolder(handle: FileSystemDirectoryHandle): Promise<void> {
  await run('readwrite', (store) => store.put(handle, KEY));
}

export async function forgetFolder(): Promise<void> {
  await run('readwrite', (store) => store.delete(KEY));
}
