import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../../src/core/i18n/dates';

describe('formatIsoDate', () => {
  it('formats the day the page wrote in the UI language, never shifted by the time zone', () => {
    const iso = '2014-11-08T23:30:00-08:00'; // already 9 November in UTC: still shown as the 8th
    expect(formatIsoDate(iso, 'en-GB')).toBe('8 Nov 2014');
    expect(formatIsoDate(iso, 'de')).toBe('08.11.2014');
    expect(formatIsoDate(iso, 'zh-CN')).toBe('2014年11月8日');
    expect(formatIsoDate(iso, 'fr')).toBe('8 nov. 2014');
  });

  it('adds the time only when asked and given', () => {
    expect(formatIsoDate('2014-11-08T09:04:00+08:00', 'en-GB', true)).toBe('8 Nov 2014, 09:04');
    expect(formatIsoDate('2014-11-08T09:04:00+08:00', 'de', true)).toBe('08.11.2014, 09:04');
    expect(formatIsoDate('2014-11-08', 'de', true)).toBe('08.11.2014');
  });

  it('says nothing for a missing or unreadable date', () => {
    expect(formatIsoDate(null, 'de')).toBe('');
    expect(formatIsoDate('yesterday', 'de')).toBe('');
    expect(formatIsoDate('2014-13-45', 'de')).toBe('');
  });
});
