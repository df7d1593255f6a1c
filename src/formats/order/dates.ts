/**
 * How an order's dates map onto the catalog's rows (day granularity, as the catalog stores them):
 *
 * - the date part of `genomforandeTidpunkt` (the execution date, D) becomes `fromTidpunkt` of every
 *   row the order creates, and `tomTidpunkt` is D + 100 years (the platform's `generateTomDate`);
 * - an excluded row that is already in effect on D is end-dated at D − 1 day, so its history is kept;
 *   one that starts after D is soft-deleted (it never took effect).
 *
 * An order therefore cannot carry a declared end date or a start date other than D: what starts
 * later needs an order of its own on or after its start date.
 */

import { stockholmDayOf } from '../../model/days';
import { timestampOf } from '../tak-export/dates';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-dd'T'HH:mm:ssZ` in UTC, e.g. `2026-10-01T08:30:00+0000`. */
export function orderTimestamp(at: Date): string {
  return (
    `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}` +
    `T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}+0000`
  );
}

/**
 * The execution day of an order timestamp: the catalog stores the instant as a DATE in its own time
 * zone, so `2026-09-30T22:30:00+0000` is 1 October (the same reading as the catalog's exports).
 */
export function orderDay(timestamp: string): string {
  return stockholmDayOf(timestamp) ?? timestamp.slice(0, 10);
}

/**
 * genomforandeTidpunkt for an execution day: the day's midnight in the catalog's time zone
 * (`2026-10-01T00:00:00+0200`), so the catalog takes that very day whatever the clock's hour.
 */
export function executionTimestamp(day: string): string {
  return timestampOf(day);
}
