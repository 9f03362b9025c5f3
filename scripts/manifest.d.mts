export const GECKO_ID: string;
export const CHROMIUM_ONLY_PERMISSIONS: string[];
export function deriveManifest(source: Record<string, unknown>, browser: 'chrome' | 'firefox', version: string): Record<string, unknown>;
