/**
 * @module The report period: whole UTC days, `from` and `to` inclusive, twelve weeks by default.
 */

const DAY_MS = 86_400_000;
export const DEFAULT_REPORT_DAYS = 84;

export interface ReportPeriod {
  /** `YYYY-MM-DD`, inclusive. */
  fromDay: string;
  toDay: string;
  /** ISO instants: `from` inclusive, `until` exclusive (midnight after `toDay`). */
  from: string;
  until: string;
}

export type ParsedPeriod = { ok: true; period: ReportPeriod } | { ok: false; message: string };

export function resolveReportPeriod(fromDay: string | undefined, toDay: string | undefined, now: Date): ParsedPeriod {
  const today = now.toISOString().slice(0, 10);
  const to = toDay ?? today;
  const from = fromDay ?? new Date(Date.parse(`${to}T00:00:00.000Z`) - (DEFAULT_REPORT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const fromMs = Date.parse(`${from}T00:00:00.000Z`);
  const toMs = Date.parse(`${to}T00:00:00.000Z`);
  if (Number.isNaN(fromMs)) return { ok: false, message: `\`${from}\` is not a date (YYYY-MM-DD)` };
  if (Number.isNaN(toMs)) return { ok: false, message: `\`${to}\` is not a date (YYYY-MM-DD)` };
  if (fromMs > toMs) return { ok: false, message: `the period starts (\`${from}\`) after it ends (\`${to}\`)` };
  if (toMs - fromMs > 3 * 366 * DAY_MS) return { ok: false, message: 'the period is longer than three years: pick a shorter one' };
  return { ok: true, period: { fromDay: from, toDay: to, from: new Date(fromMs).toISOString(), until: new Date(toMs + DAY_MS).toISOString() } };
}
