/**
 * The catalog exports its days (Stockholm SQL DATEs) as timestamps such as `2014-08-12T22:00:00+0000`
 * (= 13 August in Stockholm) and reads midnight with the day's offset, `2014-08-13T00:00:00+0200`.
 */
import { stockholmOffset } from '../../model/days';

const stamps = new Map<string, string>();

/** Midnight of a day in Stockholm, written as the catalog writes it: `2014-08-13T00:00:00+0200`. */
export function timestampOf(day: string): string {
  let stamp = stamps.get(day);
  if (!stamp) {
    stamp = `${day}T00:00:00${stockholmOffset(day, 'start').replace(':', '')}`;
    stamps.set(day, stamp);
  }
  return stamp;
}
