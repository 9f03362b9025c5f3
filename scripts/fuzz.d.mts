export interface FuzzFailure {
  index: number;
  kind: string;
  detail: string;
  docKind: string;
  url: string;
  selectionHtml: string | null;
  html: string;
}
export interface FuzzResult {
  count: number;
  seed: number;
  counts: { capture: number; 'no-article': number; known: number; failed: number };
  known: Record<string, number>;
  failures: FuzzFailure[];
  slowest: { ms: number; index: number };
}
export const KNOWN: { id: string; match: RegExp; note: string }[];
export function knownBug(detail: string): string | null;
export function makeDocument(seed: number, index: number, pages: string[]): { html: string; url: string; selectionHtml: string | null; kind: string };
export function loadSeedPages(root?: string): string[];
export function fuzz(options?: {
  count?: number;
  seed?: number;
  timeoutMs?: number;
  deep?: number;
  strict?: boolean;
  workers?: number;
  lib?: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<FuzzResult>;
