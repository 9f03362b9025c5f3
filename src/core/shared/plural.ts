/** "1 article", "3 articles", "0 stored images": a count and its noun (every noun here takes an s). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
