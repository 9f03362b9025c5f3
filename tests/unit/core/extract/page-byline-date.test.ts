import { describe, expect, it } from 'vitest';
import { isDateline } from '../../../../src/core/extract/page-byline-date';

describe('isDateline: a place in capitals before a dash', () => {
  it.each(['CAIRO —', 'WASHINGTON (AP) -', 'ST. LOUIS –', 'RIO DE JANEIRO —  '])('"%s" is a dateline', (text) => {
    expect(isDateline(text)).toBe(true);
  });

  it.each(['By Jo Reporter', 'JO REPORTER', 'Cairo —', 'Jo Reporter —', 'AP', '—'])('"%s" is not', (text) => {
    expect(isDateline(text)).toBe(false);
  });
});
