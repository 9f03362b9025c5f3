export const GECKO_ID: string;
export function deriveManifest(source: Record<string, unknown>, browser: 'chrome' | 'firefox', version: string): Record<string, unknown>;
