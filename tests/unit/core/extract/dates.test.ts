import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../src/core/extract/dates';

describe('parseDate', () => {
  it.each([
    ['2014-11-08 09:04', '2014-11-08T09:04'],
    ['2014-11-08', '2014-11-08'],
    ['2014-11-08T09:04:00Z', '2014-11-08T09:04:00Z'],
    ['2014-11-08T09:04:00+08:00', '2014-11-08T09:04:00+08:00'],
    ['2014-11-08T09:04:00-05:00', '2014-11-08T09:04:00-05:00'],
    ['2014-11-08T09:04:00+0530', '2014-11-08T09:04:00+05:30'],
    ['2014-11-08T09:04:00.123Z', '2014-11-08T09:04:00.123Z'],
    ['2014年11月8日 09:04', '2014-11-08T09:04'],
    ['2014年11月8日', '2014-11-08'],
    ['November 8, 2014', '2014-11-08'],
    ['Nov. 8, 2014', '2014-11-08'],
    ['8 Nov 2014 3:05 pm', '2014-11-08T15:05'],
    ['8 November 2014 12:30 am', '2014-11-08T00:30'],
    ['Sat, 08 Nov 2014 09:04:00 GMT', '2014-11-08T09:04:00Z'],
    ['Updated: 2014-11-08 09:04 Source: Xinhua', '2014-11-08T09:04'],
    // A zone named after the time is kept as its offset, never dropped.
    ['Mon, 09 Jan 2012 10:00:00 EST', '2012-01-09T10:00:00-05:00'],
    ['January 10, 2008 5:29 PM EDT', '2008-01-10T17:29-04:00'],
    ['Nov. 12, 2012 10:00 am PST', '2012-11-12T10:00-08:00'],
    ['12 November 2012 14:55 CEST', '2012-11-12T14:55+02:00'],
    ['2012-11-12 14:55 GMT+0100', '2012-11-12T14:55+01:00'],
    ['2012-11-12 14:55 UTC', '2012-11-12T14:55Z'],
    // A word that merely starts like a zone is not one.
    ['2012-11-12 14:55 Zurich', '2012-11-12T14:55'],
    ['November 12, 2012 10:00 Estimated', '2012-11-12T10:00'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['garbage', 'not a date at all'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
    ['month 13', '2014-13-08'],
    ['day 0', '2014-11-00'],
    ['a bare number', '12345'],
  ])('%s → null', (_label, input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('never invents a zone for a local time', () => {
    expect(parseDate('2014-11-08 09:04')).not.toMatch(/Z|[+-]\d{2}:\d{2}$/);
    expect(parseDate('8 Nov 2014 3:05 pm')).not.toMatch(/Z|[+-]\d{2}:\d{2}$/);
  });
});
