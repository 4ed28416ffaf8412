/**
 * @module Wall-clock time in an IANA time zone, both ways, with Intl only (no time-zone library).
 */

/** A calendar date and wall-clock time; `weekday` 0 = Monday … 6 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at `instant` (ms since epoch) in `zone`. Throws RangeError for an unknown zone. */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/**
 * The instant a wall time names in `zone`.
 *
 * DST: a wall time that occurs twice (clocks go back) resolves to the first occurrence; one that
 * does not exist (clocks go forward) is moved forward by the length of the gap, so `02:30` on a
 * spring-forward night in Europe means `03:30` summer time. That is the `compatible` rule of
 * Temporal and of most calendars.
 */
export function instantOfWallTime(wall: Omit<WallTime, 'weekday'>, zone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Zone transitions are months apart, so the offsets a day either side are the only candidates.
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const matches = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((instant) => sameWallTime(wallTimeAt(instant, zone), wall))
    .sort((a, b) => a - b);
  return matches[0] ?? local - before;
}

/** Adds whole calendar days to a date (no zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number; weekday: number } {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: (shifted.getUTCDay() + 6) % 7,
  };
}

/** Offset of `zone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, zone: string): number {
  const wall = wallTimeAt(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - (instant - (((instant % 60_000) + 60_000) % 60_000));
}

function sameWallTime(a: WallTime, b: Omit<WallTime, 'weekday'>): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
