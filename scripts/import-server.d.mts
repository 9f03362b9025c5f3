export interface ImportServer {
  origin: string;
  /** Requests per path. */
  hits: Map<string, number>;
  stats: { maxConcurrent: number };
  close(): Promise<void>;
}
export function startImportServer(options?: { slowMs?: number }): Promise<ImportServer>;
