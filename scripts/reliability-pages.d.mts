export const CHARSET_TITLES: Record<'gbk' | 'shift_jis' | 'windows-1251', string>;
export function encodeLegacy(charset: string, text: string): Buffer;
export function article(n: number | string): string;
export function charsetPage(charset: string, how: 'header' | 'meta'): [string, Buffer];
export const SLOW_IMAGE_PAGE: string;
export function reliabilityRoute(path: string): { type: string; body: string | Buffer; slow?: boolean; hold?: boolean } | null;
