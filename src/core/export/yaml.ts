/**
 * The few YAML forms front matter needs, written so that any value round-trips through a YAML
 * 1.2 parser (Obsidian, Jekyll, Hugo, the `yaml` package): strings are always double-quoted with
 * JSON escapes (valid YAML), so titles with ": ", quotes, "#", a leading "-" or "---" stay strings.
 */
export type YamlValue = string | number | boolean | string[];

export function yamlString(value: string): string {
  // JSON leaves U+2028/U+2029 raw; YAML 1.1 parsers treat them as line breaks, so escape them.
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `key: value`, or a block list for an array (Obsidian's properties read block lists). */
export function yamlEntry(key: string, value: YamlValue): string {
  if (Array.isArray(value)) {
    if (!value.length) return `${key}: []`;
    return `${key}:\n${value.map((item) => `  - ${yamlString(item)}`).join('\n')}`;
  }
  if (typeof value === 'string') return `${key}: ${yamlString(value)}`;
  return `${key}: ${String(value)}`;
}
