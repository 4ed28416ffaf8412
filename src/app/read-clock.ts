/**
 * @module The time the workflow commands decide at: the system clock, or `TOLLGATE_NOW` for tests and replays.
 */
import { UsageError } from '../cli/cli-error.js';

export interface Clock {
  /** ISO 8601 with milliseconds, UTC. */
  now: string;
  /** True when `TOLLGATE_NOW` set it: callers say so loudly, it is for testing and replay only. */
  fixed: boolean;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads the clock once per command. `TOLLGATE_NOW` (an ISO 8601 time with a zone) replaces the
 * system clock in local mode only — to replay a decision or test time windows (break-glass expiry,
 * overdue retro reviews, freezes); a server always keeps its own time.
 */
export function readClock(env: Readonly<Record<string, string | undefined>> = process.env): Clock {
  const fixed = env.TOLLGATE_NOW?.trim();
  if (!fixed) return { now: new Date().toISOString(), fixed: false };
  if (!ISO_TIME.test(fixed) || Number.isNaN(Date.parse(fixed))) {
    throw new UsageError(`TOLLGATE_NOW \`${fixed}\` is not an iso 8601 time with a zone, e.g. \`2026-03-04T10:00:00Z\``);
  }
  return { now: new Date(fixed).toISOString(), fixed: true };
}
