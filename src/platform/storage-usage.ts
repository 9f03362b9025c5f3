/**
 * Storage the library uses, and whether the browser keeps it under pressure (issue #5).
 * `persist()` exists only in windows (not in service workers), so extension pages ask for it.
 */
export interface StorageUsage {
  usedBytes: number | null;
  quotaBytes: number | null;
  persisted: boolean | null;
}

export async function storageUsage(): Promise<StorageUsage> {
  const storage = navigator.storage;
  const [estimate, persisted] = await Promise.all([storage?.estimate?.().catch(() => null) ?? null, storage?.persisted?.().catch(() => null) ?? null]);
  return { usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, persisted };
}

/** Ask once for persistent storage; answers whether the library is now persistent. */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
