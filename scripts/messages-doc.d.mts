export const SOURCE: string;
export const TARGET: string;
export function renderMessagesDoc(sourceFile?: string): string;
