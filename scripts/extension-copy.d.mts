export const DIST: string;
export const TEST_HOSTS: string[];
export function testCopyOf(browser: 'chrome' | 'firefox', extraHosts?: string[]): string;
