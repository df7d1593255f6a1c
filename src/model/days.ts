/**
 * Days as the platform keeps them. The catalog stores validity as days (SQL DATE) in Stockholm time,
 * and every format writes a day as an instant with that day's Stockholm offset (CET or CEST). The
 * catalog export, orders and the VP cache all go through this one module, so they agree on which day
 * an instant is and on the offset of a day's midnight. Results are cached: a catalog of a million
 * rows has only a few thousand distinct timestamps.
 */
const ZONE = 'Europe/Stockholm';
/**
 * The formats are made when first used: the first one loads the time-zone data, 20 ms of a command
 * that may never need it (`tak validate` asks only for today, which `stockholmDay` mostly finds without).
 */
let formats: { day: Intl.DateTimeFormat; offset: Intl.DateTimeFormat; clock: Intl.DateTimeFormat } | undefined;
function format() {
  return (formats ??= {
    day: new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
    offset: new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' }),
    clock: new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  });
}
const HOUR = 3_600_000;
/** Stockholm has kept Central European time, UTC+1 or (in summer) UTC+2, from 1900 on; until year 9999, toISOString writes the day as en-CA does. */
const CET_FROM = Date.UTC(1900, 0, 1);
const FOUR_DIGIT_YEARS_UNTIL = Date.UTC(9999, 11, 31);
/** A day, optionally with a time and an offset written with or without a colon (`+0000`, `+02:00`, `Z`). */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

const days = new Map<string, string | undefined>();
const offsets = new Map<string, string>();

/**
 * The Stockholm day of a timestamp (`2014-08-12T22:00:00+0000` is 13 August), or undefined when it
 * cannot be read. A bare day, or a time without an offset, is taken as written.
 */
export function stockholmDayOf(timestamp: string): string | undefined {
  let day = days.get(timestamp);
  if (day === undefined && !days.has(timestamp)) {
    day = parseDay(timestamp);
    days.set(timestamp, day);
  }
  return day;
}

function parseDay(timestamp: string): string | undefined {
  const m = TIMESTAMP.exec(timestamp.trim());
  if (!m) return undefined;
  if (!m[2] || !m[3]) return m[1];
  const zone = m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const instant = new Date(`${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}${zone}`);
  return Number.isNaN(instant.getTime()) ? undefined : stockholmDay(instant);
}

/** The Stockholm day of an instant: the day the catalog counts it in. */
export function stockholmDay(instant: Date): string {
  const time = instant.getTime();
  if (time >= CET_FROM && time < FOUR_DIGIT_YEARS_UNTIL) {
    // Either offset gives the same day for all but the hour before midnight: no need to know which.
    const winter = new Date(time + HOUR).toISOString().slice(0, 10);
    if (winter === new Date(time + 2 * HOUR).toISOString().slice(0, 10)) return winter;
  }
  return format().day.format(instant);
}

/** An instant as Stockholm's wall clock with its offset, `yyyy-MM-dd'T'HH:mm:ssZ` (e.g. `2026-11-23T01:30:00+0100`). */
export function stockholmTimestamp(instant: Date): string {
  const offset = format().offset.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return `${stockholmDay(instant)}T${format().clock.format(instant)}${offset === 'GMT' ? '+0000' : offset.slice(3).replace(':', '')}`;
}

/**
 * `+01:00` or `+02:00`: Stockholm's offset at the start or at the end of a day. Sweden switches
 * daylight saving time at 01:00 UTC, after local midnight: a day's midnight has the offset in force
 * at 00:00 UTC, its last millisecond the offset in force at noon UTC.
 */
export function stockholmOffset(day: string, at: 'start' | 'end'): string {
  const key = `${day}${at}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const instant = new Date(`${day}T${at === 'start' ? '00' : '12'}:00:00Z`);
    const name = format().offset.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    offset = name === 'GMT' ? '+00:00' : name.slice(3);
    offsets.set(key, offset);
  }
  return offset;
}

/** The same calendar day some years later; 29 February becomes 28 February in a common year, as Java's Calendar does. */
export function yearsLater(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const rest = day.slice(4) === '-02-29' && !leap ? '-02-28' : day.slice(4);
  return `${String(year).padStart(4, '0')}${rest}`;
}

/**
 * Whether `day` is a real calendar day written YYYY-MM-DD. `Date.parse` rolls 2027-02-30 over into
 * March, so the day is checked by writing it back.
 */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
