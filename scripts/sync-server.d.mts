export interface SyncServer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export function startSyncServer(options?: { port?: number; user?: string; password?: string }): Promise<SyncServer>;
