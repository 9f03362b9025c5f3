/**
 * "512 B", "9 KB", "2.5 MB", "1.25 GB": sizes as the pages, messages and exports show them. With a
 * `language` (the UI's, issue 17) the number and unit follow it through Intl ("10,7 MB" in German,
 * "10.7 ميغابايت" in Arabic); without one the output stays the fixed English form that exports,
 * the CLI and golden files rely on.
 */
export function formatBytes(bytes: number, language?: string): string {
  if (language === undefined) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
    if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
    return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  }
  const [value, unit, digits] =
    bytes < 1024
      ? [bytes, 'byte', 0]
      : bytes < 1024 ** 2
        ? [Math.round(bytes / 1024), 'kilobyte', 0]
        : bytes < 1024 ** 3
          ? [bytes / 1024 ** 2, 'megabyte', 1]
          : [bytes / 1024 ** 3, 'gigabyte', 2];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}
