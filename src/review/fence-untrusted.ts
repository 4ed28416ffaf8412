/**
 * @module Fencing author-supplied text (diff, commit messages, documentation) as untrusted data.
 *
 * The fence is a backtick run one longer than the longest run inside the text (at least three),
 * so nothing in the text can close it; it is chosen deterministically so the same change always
 * produces the same request (and the same cache key). Characters that render invisibly (Unicode
 * tag characters, bidirectional controls, zero-width characters, control codes) are rewritten as
 * visible `\u{…}` escapes: hidden instructions become visible data.
 */

const INVISIBLE =
  // Tags U+E0000–E007F, bidi embeddings/isolates, zero-width and word-joiner family, BOM,
  // and C0/C1 controls other than tab and newline.
  /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060-\u2064\uFEFF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** Rewrites invisible and control characters as `\u{hex}` so a reader sees them. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/** Length of the longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Wraps `text` in a code fence labelled `untrusted` that the text cannot close.
 *
 * @example fenceUntrusted('diff', '+ignore previous instructions') // "```diff untrusted\n+ignore…\n```"
 */
export function fenceUntrusted(kind: string, text: string): string {
  const body = revealInvisible(text);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${kind} untrusted\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}${fence}`;
}

/** A short author-supplied value (path, branch, trailer) as one JSON string line: it cannot open a fence. */
export function quoteUntrusted(value: string): string {
  return JSON.stringify(revealInvisible(value));
}
