import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../../src/core/shared/format-bytes';

describe('formatBytes', () => {
  it('keeps the fixed English form without a language (exports, CLI, golden files)', () => {
    expect([512, 9 * 1024, 2.5 * 1024 ** 2, 1.25 * 1024 ** 3].map((b) => formatBytes(b))).toEqual(['512 B', '9 KB', '2.5 MB', '1.25 GB']);
  });

  it('follows the UI language through Intl when given one', () => {
    expect(formatBytes(10.7 * 1024 ** 2, 'de')).toBe('10,7 MB');
    expect(formatBytes(10.7 * 1024 ** 2, 'fr')).toMatch(/^10,7\sMo$/); // French puts a narrow no-break space
    expect(formatBytes(9 * 1024, 'en')).toBe('9 kB');
    expect(formatBytes(1234567 * 1024 ** 2, 'de')).toMatch(/^1\.205,63\sGB$/);
    expect(formatBytes(10.7 * 1024 ** 2, 'ar')).toMatch(/^10[.٫]7|١٠٫٧/);
  });
});
