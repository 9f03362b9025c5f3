export const ROOT: string;
export function sourceFiles(root?: string): string[];
export function zipFiles(baseDir: string, files: string[]): Uint8Array;
export function packageAll(options?: { root?: string; outDir?: string }): { chrome: string; firefox: string; source: string };
