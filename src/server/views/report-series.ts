/**
 * @module The report's chart data: changes per week by provenance, and time-to-approval buckets.
 */
import type { ProvenanceLevel } from '../../core/provenance.js';

const DAY_MS = 86_400_000;

export interface WeeklySeries {
  /** Monday of each week, `YYYY-MM-DD`. */
  weeks: string[];
  counts: Record<ProvenanceLevel, number[]>;
}

/** The Monday (UTC) on or before `iso`, at midnight. */
export function weekStart(iso: string): number {
  const date = new Date(iso);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - day * DAY_MS;
}

/** Counts items per week and provenance from `from` (inclusive) to `to` (exclusive). */
export function weeklyByProvenance(items: readonly { at: string; level: ProvenanceLevel }[], from: string, to: string): WeeklySeries {
  const first = weekStart(from);
  const last = weekStart(new Date(Date.parse(to) - 1).toISOString());
  const weeks: string[] = [];
  for (let time = first; time <= last; time += 7 * DAY_MS) weeks.push(new Date(time).toISOString().slice(0, 10));
  const counts: Record<ProvenanceLevel, number[]> = {
    human: weeks.map(() => 0),
    'ai-assisted': weeks.map(() => 0),
    'ai-authored': weeks.map(() => 0),
  };
  for (const item of items) {
    const index = Math.round((weekStart(item.at) - first) / (7 * DAY_MS));
    if (index >= 0 && index < weeks.length) counts[item.level][index]! += 1;
  }
  return { weeks, counts };
}

export const APPROVAL_BUCKETS = [
  { label: '< 1 h', maxHours: 1, className: 'b-fast' },
  { label: '1–4 h', maxHours: 4, className: 'b-mid' },
  { label: '4–24 h', maxHours: 24, className: 'b-slow' },
  { label: '1–3 d', maxHours: 72, className: 'b-slower' },
  { label: '> 3 d', maxHours: Number.POSITIVE_INFINITY, className: 'b-slower' },
] as const;

/** How many approval times fall in each bucket of `APPROVAL_BUCKETS`. */
export function approvalBuckets(hours: readonly number[]): number[] {
  const counts = APPROVAL_BUCKETS.map(() => 0);
  for (const value of hours) counts[APPROVAL_BUCKETS.findIndex((bucket) => value < bucket.maxHours)]! += 1;
  return counts;
}

/** The median of `values`, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
