/**
 * @module "did you mean": the nearest valid name to a misspelt one, offered only when it is close.
 */

/**
 * Edit distance where adjacent transpositions count once (optimal string alignment), so
 * `teir` is one edit from `tier`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The valid name closest to `unknown`, or `undefined` when none is close enough to be a typo:
 * at most 2 edits and at most a third of the longer word (so `ai` never suggests `id`).
 * Case differences alone always count as close, and so does a prefix of exactly one name
 * (`crit` for `critical`).
 *
 * @example suggestKey('teir', ['id', 'tier', 'paths']) // => 'tier'
 */
export function suggestKey(unknown: string, valid: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const sameIgnoringCase = valid.find((candidate) => candidate.toLowerCase() === lower);
  if (sameIgnoringCase !== undefined) return sameIgnoringCase;
  const extending = lower.length >= 2 ? valid.filter((candidate) => candidate.toLowerCase().startsWith(lower)) : [];
  if (extending.length === 1) return extending[0];
  let best: { key: string; distance: number } | undefined;
  for (const candidate of valid) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = Math.min(2, Math.floor(Math.max(unknown.length, candidate.length) / 3));
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}
