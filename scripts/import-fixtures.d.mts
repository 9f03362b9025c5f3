export interface FixtureEntry {
  url: string;
  title: string;
  savedAt: number;
  tags?: string[];
  archived?: boolean;
  favourite?: boolean;
  progress?: number;
  folder?: string;
  content?: string;
  highlights?: { quote: string; note: string | null }[];
}
export function pocketCsv(entries: FixtureEntry[]): string;
export function pocketHtml(entries: FixtureEntry[]): string;
export function instapaperCsv(entries: FixtureEntry[]): string;
export function readwiseCsv(entries: FixtureEntry[]): string;
export function wallabagJson(entries: FixtureEntry[]): string;
export function bookmarksHtml(entries: FixtureEntry[]): string;
export function urlList(urls: string[]): string;
export function singleFilePage(entry: FixtureEntry): string;
export function omnivoreZip(entries: FixtureEntry[], options?: { truncate?: boolean }): Uint8Array;
export function sampleEntries(base?: string): FixtureEntry[];
