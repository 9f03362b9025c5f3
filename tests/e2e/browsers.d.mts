export function chromiumExecutable(): string;
export function firefoxExecutable(): string;
export function chromiumArgs(extra?: string[]): string[];
