/**
 * What an image's bytes are, from their first bytes (a server's Content-Type is often wrong or
 * generic). Null when the bytes are not an image a browser shows — an HTML error page, say.
 */
export function sniffImageType(bytes: Uint8Array, declared = ''): string | null {
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) {
    const brand = String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!);
    if (/^avi[fs]$/.test(brand)) return 'image/avif';
  }
  if (starts(0x42, 0x4d)) return 'image/bmp';
  if (starts(0x00, 0x00, 0x01, 0x00)) return 'image/x-icon';
  // SVG is text: shown only through <img> (where its scripts never run), so it is kept as is.
  const head = new TextDecoder().decode(b.subarray(0, 512)).trimStart().toLowerCase();
  if ((declared === 'image/svg+xml' || head.startsWith('<?xml') || head.startsWith('<svg')) && head.includes('<svg')) return 'image/svg+xml';
  return null;
}

/** Types the browser can decode into a bitmap and so downscale (SVG and icons are not). */
export function canDownscale(type: string): boolean {
  return ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'].includes(type);
}

/**
 * Scale factors to try, largest first, to bring an image of `bytes` under `maxBytes`. Encoded size
 * grows roughly with pixel count, so the first guess is the square root of the ratio.
 */
export function downscaleSteps(bytes: number, maxBytes: number): number[] {
  const first = Math.min(0.95, Math.sqrt(maxBytes / bytes));
  return [first, first * 0.75, first * 0.5, first * 0.35, first * 0.25].filter((s) => s > 0.01);
}
