/**
 * The catalog stores validity as days (SQL DATE) in Stockholm time and exports them as timestamps
 * such as `2014-08-12T22:00:00+0000` (= 13 August in Stockholm). These convert between the two.
 * Results are cached: a catalog of a million rows has only a few thousand distinct dates.
 */
const ZONE = 'Europe/Stockholm';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

const days = new Map<string, string | undefined>();
const stamps = new Map<string, string>();

/** The Stockholm day of an exported timestamp, or undefined when it cannot be read. */
export function dayOf(timestamp: string): string | undefined {
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
  return Number.isNaN(instant.getTime()) ? undefined : dayFormat.format(instant);
}

/** Midnight of a day in Stockholm, written as the catalog writes it: `2014-08-13T00:00:00+0200`. */
export function timestampOf(day: string): string {
  let stamp = stamps.get(day);
  if (!stamp) {
    const noon = new Date(`${day}T12:00:00Z`);
    const name = offsetFormat.formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const offset = /GMT([+-]\d{2}):(\d{2})/.exec(name);
    stamp = `${day}T00:00:00${offset ? `${offset[1]}${offset[2]}` : '+0000'}`;
    stamps.set(day, stamp);
  }
  return stamp;
}

/** A day some whole years later: the catalog ends rows created by an order 100 years after they start. */
export function yearsAfter(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const rest = day.slice(4) === '-02-29' && !leap ? '-02-28' : day.slice(4);
  return `${String(year).padStart(4, '0')}${rest}`;
}
