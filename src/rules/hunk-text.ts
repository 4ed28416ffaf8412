/**
 * @module The added lines of a hunk as one text, so rules can reject a whole hunk with one test.
 */
import type { Hunk } from '../core/change.js';
import { TextHunk, hunkBody } from '../core/hunk-body.js';

// Several rules ask for the same hunks: join each once per evaluation.
const joined = new WeakMap<Hunk, string>();

/**
 * A text that contains every added line of the hunk: the hunk as the diff printed it when the
 * reader kept that (removed and context lines included), else its added lines joined with `\n`.
 * A pattern that matches inside some added line also matches inside this text, so "no match
 * here" means "no match on any line" and the hunk can be skipped; a match here still has to be
 * confirmed line by line.
 */
export function hunkAddedText(hunk: Hunk): string {
  const body = hunkBody(hunk);
  if (body !== undefined) return body;
  let text = joined.get(hunk);
  if (text === undefined) {
    text = hunk.added.map((line) => line.text).join('\n');
    joined.set(hunk, text);
  }
  return text;
}

const lowered = new WeakMap<Hunk, string>();

/**
 * `hunkAddedText` in lower case, for quick case-insensitive tests written in lower case: they
 * are several times faster than the same test with the `i` flag. Lower-casing never removes a
 * match an `i`-flag test of ASCII words would find, so the hunk-skipping rule still holds.
 */
export function hunkAddedLowerText(hunk: Hunk): string {
  if (hunk instanceof TextHunk) return hunk.lowerBody;
  let text = lowered.get(hunk);
  if (text === undefined) {
    text = hunkAddedText(hunk).toLowerCase();
    lowered.set(hunk, text);
  }
  return text;
}
