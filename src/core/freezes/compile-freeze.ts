/**
 * @module Checking one catalog freeze and turning it into a function from "now" to its windows.
 */
import type { Freeze } from '../catalog/freezes-schema.js';
import { addDays, instantOfWallTime, isValidTimeZone, wallTimeAt } from './zoned-time.js';

/** One concrete window of a freeze, as instants (ms since epoch), end exclusive. */
export interface WindowInstance {
  from: number;
  until: number;
}

export interface CompiledFreeze {
  freeze: Freeze;
  recurring: boolean;
  /** Windows that overlap [start, end) (ms), in time order. */
  windowsBetween(start: number, end: number): WindowInstance[];
}

export type CompileResult = { ok: true; compiled: CompiledFreeze } | { ok: false; message: string };

const WEEKDAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const WEEKLY_PATTERN = /^(MON|TUE|WED|THU|FRI|SAT|SUN)\s+([01]\d|2[0-3]):([0-5]\d)$/i;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ABSOLUTE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 86_400_000;

/**
 * Validates a freeze and compiles it. `where` names it in messages, e.g. ``freezes[2] (`xmas`)``.
 * Messages are lower-case, one line, and quote the user's text in backticks.
 */
export function compileFreeze(freeze: Freeze, where: string): CompileResult {
  const zone = freeze.timezone;
  if (!isValidTimeZone(zone)) return fail(where, `\`timezone\` \`${zone}\` is not an iana time zone (e.g. \`Europe/Berlin\`)`);
  const oneOff = freeze.from !== undefined || freeze.until !== undefined;
  if (oneOff && freeze.weekly) return fail(where, 'set either `from`/`until` or `weekly`, not both');
  if (!oneOff && !freeze.weekly) return fail(where, 'needs `from` and `until` (one-off) or `weekly` (recurring)');
  if (freeze.weekly) return compileWeekly(freeze, where, freeze.weekly);
  if (freeze.from === undefined || freeze.until === undefined) {
    return fail(where, `one-off freezes need both \`from\` and \`until\` (missing \`${freeze.from === undefined ? 'from' : 'until'}\`)`);
  }
  const from = parseMoment(freeze.from, zone, 'start');
  if (from === undefined) return fail(where, `\`from\` \`${freeze.from}\` is not an iso 8601 date or date-time`);
  const until = parseMoment(freeze.until, zone, 'end');
  if (until === undefined) return fail(where, `\`until\` \`${freeze.until}\` is not an iso 8601 date or date-time`);
  if (until <= from) return fail(where, `\`until\` \`${freeze.until}\` is not after \`from\` \`${freeze.from}\``);
  return {
    ok: true,
    compiled: {
      freeze,
      recurring: false,
      windowsBetween: (start, end) => (from < end && until > start ? [{ from, until }] : []),
    },
  };
}

function compileWeekly(freeze: Freeze, where: string, weekly: { start: string; end: string }): CompileResult {
  const start = WEEKLY_PATTERN.exec(weekly.start.trim());
  if (!start) return fail(where, `\`weekly.start\` \`${weekly.start}\` must look like \`FRI 16:00\``);
  const end = WEEKLY_PATTERN.exec(weekly.end.trim());
  if (!end) return fail(where, `\`weekly.end\` \`${weekly.end}\` must look like \`MON 08:00\``);
  const startDay = WEEKDAY_NAMES.indexOf(start[1]!.toUpperCase());
  const endDay = WEEKDAY_NAMES.indexOf(end[1]!.toUpperCase());
  const startTime = { hour: Number(start[2]), minute: Number(start[3]) };
  const endTime = { hour: Number(end[2]), minute: Number(end[3]) };
  const startMinute = startDay * 1440 + startTime.hour * 60 + startTime.minute;
  const endMinute = endDay * 1440 + endTime.hour * 60 + endTime.minute;
  if (startMinute === endMinute) return fail(where, `\`weekly.start\` and \`weekly.end\` are the same moment (\`${weekly.start}\`)`);
  // Days from the start's date to the end's date; a window may wrap over the end of the week.
  const spanDays = (((endMinute - startMinute + 7 * 1440) % (7 * 1440)) + startTime.hour * 60 + startTime.minute) / 1440;
  const endOffsetDays = Math.floor(spanDays);
  const zone = freeze.timezone;
  return {
    ok: true,
    compiled: {
      freeze,
      recurring: true,
      windowsBetween(rangeStart, rangeEnd) {
        const windows: WindowInstance[] = [];
        const first = wallTimeAt(rangeStart, zone);
        const lastDay = Math.ceil((rangeEnd - rangeStart) / DAY_MS) + 1;
        // Start a week early: the window in force at rangeStart may have begun up to 7 days before.
        for (let offset = -7; offset <= lastDay; offset += 1) {
          const date = addDays(first, offset);
          if (date.weekday !== startDay) continue;
          const from = instantOfWallTime({ ...date, ...startTime }, zone);
          const until = instantOfWallTime({ ...addDays(date, endOffsetDays), ...endTime }, zone);
          if (from < rangeEnd && until > rangeStart) windows.push({ from, until });
        }
        return windows;
      },
    },
  };
}

/**
 * A date-time with an offset is absolute; without one it is wall time in the freeze's zone. A bare
 * date means the start of that day for `from` and the end of that day (inclusive) for `until`.
 */
function parseMoment(text: string, zone: string, side: 'start' | 'end'): number | undefined {
  const trimmed = text.trim();
  if (ABSOLUTE_PATTERN.test(trimmed)) {
    const time = Date.parse(trimmed);
    return Number.isNaN(time) ? undefined : time;
  }
  const local = LOCAL_PATTERN.exec(trimmed);
  if (!local) return undefined;
  const date = { year: Number(local[1]), month: Number(local[2]), day: Number(local[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return undefined;
  const check = addDays(date, 0);
  if (check.month !== date.month || check.day !== date.day) return undefined;
  if (local[4] === undefined) {
    const day = side === 'end' ? addDays(date, 1) : date;
    return instantOfWallTime({ year: day.year, month: day.month, day: day.day, hour: 0, minute: 0 }, zone);
  }
  const hour = Number(local[4]);
  const minute = Number(local[5]);
  if (hour > 23 || minute > 59) return undefined;
  return instantOfWallTime({ ...date, hour, minute }, zone);
}

function fail(where: string, message: string): CompileResult {
  return { ok: false, message: `${where}: ${message}` };
}
