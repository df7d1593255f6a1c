/**
 * Validity days as the VP's cache writes them (xs:dateTime, e.g. `2013-08-09T13:25:24.260+02:00`).
 * The platform is Swedish, so a declared day starts and ends in Europe/Stockholm time, with the
 * offset of that day (CET or CEST). A declared `validTo` is inclusive: it ends at 23:59:59.999.
 *
 * The VP needs both ends of every period. Open ends are written as the catalog writes them:
 * an unbounded end is the start plus 100 years, at midnight (the catalog's own rule for orders);
 * an unbounded start is {@link UNBOUNDED_FROM}. Reading maps both back to "unbounded".
 */
import { stockholmDayOf, stockholmOffset, yearsLater } from '../../model/days';

/** The start written for an entry without `validFrom`: before any platform data. */
export const UNBOUNDED_FROM = '2000-01-01';

function startOfDay(day: string): string {
  return `${day}T00:00:00.000${stockholmOffset(day, 'start')}`;
}

function endOfDay(day: string): string {
  return `${day}T23:59:59.999${stockholmOffset(day, 'end')}`;
}

/** Periods written so far, by start and then end: no key string is built per entry. */
const periods = new Map<string | undefined, Map<string | undefined, [string, string]>>();

/** fromTidpunkt and tomTidpunkt of a period in days; either end may be open. Few distinct periods exist, so they are memoized. */
export function writePeriod(from: string | undefined, to: string | undefined): [string, string] {
  let ends = periods.get(from);
  if (!ends) periods.set(from, (ends = new Map()));
  let period = ends.get(to);
  if (!period) {
    const start = from ?? UNBOUNDED_FROM;
    period = [startOfDay(start), to === undefined ? startOfDay(yearsLater(start, 100)) : endOfDay(to)];
    ends.set(to, period);
  }
  return period;
}

/** The Swedish calendar day of an xs:dateTime. */
function dayOf(dateTime: string): string {
  const day = stockholmDayOf(dateTime);
  if (day === undefined) throw new Error(`"${dateTime}" is not a date and time`);
  return day;
}

/** Reads a period back: the written open ends (and the catalog's own +100 years) become undefined. */
export function readPeriod(fromTidpunkt: string, tomTidpunkt: string): { from?: string; to?: string } {
  const fromDay = dayOf(fromTidpunkt);
  const toDay = dayOf(tomTidpunkt);
  const openEnd = toDay === yearsLater(fromDay, 100) && isMidnight(tomTidpunkt);
  return {
    from: fromDay === UNBOUNDED_FROM && isMidnight(fromTidpunkt) ? undefined : fromDay,
    to: openEnd ? undefined : toDay,
  };
}

/** Whether an instant is the start of its Swedish day. */
function isMidnight(dateTime: string): boolean {
  return new Date(dateTime).getTime() === new Date(startOfDay(dayOf(dateTime))).getTime();
}
