/**
 * @module Durations given on the command line: `90m`, `4h`, `1d`.
 */

const DURATION = /^(\d{1,5})\s*(m|min|h|d)$/i;
const MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 24 * 60 };

/** Minutes of a duration such as `4h`; undefined when the text is not one (or is zero). */
export function parseDurationMinutes(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[1]) * MINUTES[match[2]!.toLowerCase()]!;
  return minutes > 0 ? minutes : undefined;
}
