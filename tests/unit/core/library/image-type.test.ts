import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { downscaleSteps, sniffImageType } from '../../../../src/core/library/image-type';
import { formatBytes } from '../../../../src/core/shared/format-bytes';
import { SEED_DIR } from '../../helpers';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe('sniffImageType', () => {
  it('knows images by their first bytes, whatever the server said', () => {
    expect(sniffImageType(new Uint8Array(readFileSync(`${SEED_DIR}lead-image.jpg`)), 'application/octet-stream')).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImageType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe('image/gif');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50))).toBe('image/webp');
    expect(sniffImageType(bytes(0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66))).toBe('image/avif');
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
  });
  it('refuses what is not an image (an HTML error page served as .jpg)', () => {
    expect(sniffImageType(new TextEncoder().encode('<!doctype html><title>404</title>'), 'image/jpeg')).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});

describe('downscaleSteps', () => {
  it('starts near the square root of the size ratio and only gets smaller', () => {
    const steps = downscaleSteps(4_000_000, 1_000_000);
    expect(steps[0]).toBeCloseTo(0.5);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThan(steps[i - 1]!);
    expect(downscaleSteps(1_100_000, 1_000_000)[0]).toBe(0.95);
  });
  it('formats sizes for people', () => {
    expect([formatBytes(512), formatBytes(9550), formatBytes(2.5 * 1024 * 1024)]).toEqual(['512 B', '9 KB', '2.5 MB']);
  });
});
