/**
 * @module The first number above a floor in an ascending list, by binary search.
 */

/** The smallest value of an ascending list above `floor`, or `undefined` when none is. */
export function firstAbove(sorted: readonly number[], floor: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= floor) low = mid + 1;
    else high = mid;
  }
  return sorted[low];
}
