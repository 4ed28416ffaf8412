/**
 * @module The added lines of a hunk as one text, so rules can reject a whole hunk with one test.
 */
import type { Hunk } from '../core/change.js';

// Several rules ask for the same hunks: join each once per evaluation.
const joined = new WeakMap<Hunk, string>();

/**
 * The hunk's added lines joined with `\n`. A pattern that matches inside some added line also
 * matches inside this text, so "no match here" means "no match on any line" and the hunk can be
 * skipped; a match here still has to be confirmed line by line.
 */
export function hunkAddedText(hunk: Hunk): string {
  let text = joined.get(hunk);
  if (text === undefined) {
    text = hunk.added.map((line) => line.text).join('\n');
    joined.set(hunk, text);
  }
  return text;
}
