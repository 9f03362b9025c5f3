/**
 * The sentence for a save the browser's storage refused. A full disk (QuotaExceededError, which
 * Dexie reports as its own QuotaExceededError or inside an AbortError) gets its own advice; the
 * transaction was aborted, so the library is exactly as it was.
 */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.inner?.name === 'QuotaExceededError' || /quota/i.test(e.message ?? ''));
}

export function storageFailure(error: unknown): string {
  if (isQuotaError(error)) {
    return "Saving failed: the browser's storage for Clean Capture is full. Delete or export some articles, or free disk space, and try again. Your library was not changed.";
  }
  return `Saving failed: the browser's storage refused it (${(error as Error)?.name ?? 'error'}). Your library was not changed.`;
}
