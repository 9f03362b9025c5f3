/** Export dates → ISO 8601, or null when the value is not a date we can trust. */

/** Unix time in seconds (Pocket, Instapaper, bookmarks' ADD_DATE); microseconds and ms tolerated. */
export function fromUnixTime(value: string | number | null | undefined): string | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (!Number.isFinite(n) || n <= 0) return null;
  // Seconds until the year 5138; some exporters write ms (13 digits) or µs (16 digits).
  const ms = n > 1e14 ? n / 1000 : n > 1e11 ? n : n * 1000;
  return isoOf(ms);
}

/** An ISO-like text ("2023-04-01T10:00:00+0100", "2023-04-01 10:00:00+00:00"). */
export function fromDateText(value: unknown): string | null {
  if (typeof value === 'number') return fromUnixTime(value);
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromUnixTime(text);
  // "+0100" offsets and a space before the time are common in exports and not all engines read them.
  const normal = text.replace(/^(\d{4}-\d\d-\d\d) (?=\d)/, '$1T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return isoOf(Date.parse(normal));
}

function isoOf(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
