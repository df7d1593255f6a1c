/**
 * Validity days as the VP's cache writes them (xs:dateTime, e.g. `2013-08-09T13:25:24.260+02:00`).
 * The platform is Swedish, so a declared day starts and ends in Europe/Stockholm time, with the
 * offset of that day (CET or CEST). A declared `validTo` is inclusive: it ends at 23:59:59.999.
 *
 * The VP needs both ends of every period. Open ends are written as the catalog writes them:
 * an unbounded end is the start plus 100 years, at midnight (the catalog's own rule for orders);
 * an unbounded start is {@link UNBOUNDED_FROM}. Reading maps both back to "unbounded".
 */

/** The start written for an entry without `validFrom`: before any platform data. */
export const UNBOUNDED_FROM = '2000-01-01';

const ZONE = 'Europe/Stockholm';
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsets = new Map<string, string>();

/** `+01:00` or `+02:00`: the offset in force at the given instant. */
function offsetAt(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * Sweden switches daylight saving time at 01:00 UTC, after local midnight: a day's midnight has the
 * offset in force at 00:00 UTC, its last millisecond the offset in force at noon UTC.
 */
function offsetOf(day: string, end: boolean): string {
  const key = `${day}${end ? 'e' : 's'}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(new Date(`${day}T${end ? '12' : '00'}:00:00Z`));
    offsets.set(key, offset);
  }
  return offset;
}

/** The same calendar day 100 years later (29 February becomes 28 February when needed, as in Java). */
export function plusHundredYears(day: string): string {
  const year = String(Number(day.slice(0, 4)) + 100).padStart(4, '0');
  const candidate = `${year}${day.slice(4)}`;
  const parsed = new Date(`${candidate}T00:00:00Z`);
  return parsed.toISOString().slice(0, 10) === candidate ? candidate : `${year}-02-28`;
}

export function startOfDay(day: string): string {
  return `${day}T00:00:00.000${offsetOf(day, false)}`;
}

export function endOfDay(day: string): string {
  return `${day}T23:59:59.999${offsetOf(day, true)}`;
}

const periods = new Map<string, [string, string]>();

/** fromTidpunkt and tomTidpunkt of a period in days; either end may be open. Few distinct periods exist, so they are memoized. */
export function writePeriod(from: string | undefined, to: string | undefined): [string, string] {
  const key = `${from}|${to}`;
  let period = periods.get(key);
  if (!period) {
    const start = from ?? UNBOUNDED_FROM;
    period = [startOfDay(start), to === undefined ? startOfDay(plusHundredYears(start)) : endOfDay(to)];
    periods.set(key, period);
  }
  return period;
}

/** The Swedish calendar day of an xs:dateTime. */
export function dayOf(dateTime: string): string {
  const instant = new Date(dateTime);
  if (Number.isNaN(instant.getTime())) throw new Error(`"${dateTime}" is not a date and time`);
  return dayFormat.format(instant);
}

/** Reads a period back: the written open ends (and the catalog's own +100 years) become undefined. */
export function readPeriod(fromTidpunkt: string, tomTidpunkt: string): { from?: string; to?: string } {
  const fromDay = dayOf(fromTidpunkt);
  const toDay = dayOf(tomTidpunkt);
  const openEnd = toDay === plusHundredYears(fromDay) && isMidnight(tomTidpunkt);
  return {
    from: fromDay === UNBOUNDED_FROM && isMidnight(fromTidpunkt) ? undefined : fromDay,
    to: openEnd ? undefined : toDay,
  };
}

/** Whether an instant is the start of its Swedish day. */
function isMidnight(dateTime: string): boolean {
  return new Date(dateTime).getTime() === new Date(startOfDay(dayOf(dateTime))).getTime();
}
