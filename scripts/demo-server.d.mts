export const SEED_PATH: string;
export const SEED_IMAGE: string;
export const SEED_AMP_PATH: string;
export const SYNDICATED_PATH: string;
export interface DemoServer {
  origin: string;
  seedUrl: string;
  pages: { seed: () => string | Uint8Array };
  /** Paths under /trap/ requested so far. */
  trapHits: string[];
  /** /slow-image.jpg answers after `ms`; `requested` counts its requests. */
  slowImage: { ms: number; requested: number };
  close(): Promise<void>;
}
export function startDemoServer(): Promise<DemoServer>;
