export const SEED_PATH: string;
export const SEED_AMP_PATH: string;
export const SYNDICATED_PATH: string;
export interface DemoServer {
  origin: string;
  seedUrl: string;
  pages: { seed: () => string | Uint8Array };
  close(): Promise<void>;
}
export function startDemoServer(): Promise<DemoServer>;
