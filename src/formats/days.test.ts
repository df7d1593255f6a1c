import fc from 'fast-check';
import { stockholmDay, stockholmDayOf, stockholmOffset, stockholmTimestamp } from '../model/days';
import { isoDay } from '../check/periods';
import { executionTimestamp, orderDay } from './order/dates';
import { timestampOf } from './tak-export/dates';

describe('Stockholm days', () => {
  // Sweden changes its offset at 01:00 UTC, so a day's midnight has the offset of the day before.
  it.each([
    ['2026-03-29', '+01:00', '+02:00'],
    ['2026-10-25', '+02:00', '+01:00'],
    ['2026-06-01', '+02:00', '+02:00'],
  ])('%s starts at %s and ends at %s', (day, start, end) => {
    expect(stockholmOffset(day, 'start')).toBe(start);
    expect(stockholmOffset(day, 'end')).toBe(end);
  });

  it.each([
    ['2026-03-29', '2026-03-29T00:00:00+0100'],
    ['2026-10-25', '2026-10-25T00:00:00+0200'],
    ['2026-01-15', '2026-01-15T00:00:00+0100'],
  ])('the midnight written for %s (%s) is read back as that day', (day, midnight) => {
    expect(timestampOf(day)).toBe(midnight);
    expect(stockholmDayOf(timestampOf(day))).toBe(day);
    expect(orderDay(executionTimestamp(day))).toBe(day);
  });
});

describe('today', () => {
  it('is the Stockholm day of the clock, not its UTC date', () => {
    expect(isoDay(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(isoDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(isoDay(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('agrees with the time-zone data for any instant, near midnight and far from today', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    // Most draws fall within two hours of a UTC midnight, where the two offsets give different days.
    const nearMidnight = fc.tuple(fc.integer({ min: -30_000, max: 80_000 }), fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }));
    const instant = fc.oneof(nearMidnight.map(([day, off]) => day * 86_400_000 + off), fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(10_050, 0, 1) }));
    fc.assert(fc.property(instant, (time) => stockholmDay(new Date(time)) === zone.format(new Date(time))), { seed: 12, numRuns: 5000 });
  });

  it('keeps a --now date (UTC midnight) as written', () => {
    expect(isoDay(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01');
    expect(isoDay(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01');
  });
});

describe('Stockholm wall-clock timestamps (TAK-api snapshotTime)', () => {
  it('writes the instant in Stockholm time with its offset, in winter and in summer', () => {
    expect(stockholmTimestamp(new Date('2026-11-23T00:30:05Z'))).toBe('2026-11-23T01:30:05+0100');
    expect(stockholmTimestamp(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01T00:30:00+0200');
  });
});
