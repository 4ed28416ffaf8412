/**
 * @module Commit message trailers (`Key: value` lines of the last paragraph), as `git interpret-trailers` reads them.
 *
 * Used for commits that come from a patch file, where no repository is at hand to ask git. The
 * rules follow git's: the trailer block is the message's last paragraph (never the subject); it
 * counts when every line is a trailer or a continuation (indented) line, or when at least a quarter
 * are trailers and one is git-generated (`Signed-off-by:`, `(cherry picked from commit …)`).
 * Continuation lines are unfolded into the value with one space, like `%(trailers:unfold)`.
 */
import type { Trailer } from '../core/change.js';

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const GIT_GENERATED = /^(Signed-off-by:|\(cherry picked from commit )/;

/** The trailers of a commit message, in order. */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  // Git ignores comment lines and a patch that may follow a `---` line.
  const divider = lines.findIndex((line) => line === '---' || line.startsWith('--- '));
  const body = (divider >= 0 ? lines.slice(0, divider) : lines).filter((line) => !line.startsWith('#'));
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  let start = body.length;
  while (start > 0 && body[start - 1]!.trim() !== '') start -= 1;
  // The first paragraph is the subject: it never holds trailers.
  if (start === 0) return [];
  const block = body.slice(start);

  const trailers: Trailer[] = [];
  let trailerLines = 0;
  let otherLines = 0;
  let generated = false;
  for (const line of block) {
    const match = TRAILER_LINE.exec(line);
    if (match) {
      trailers.push({ key: match[1]!, value: match[2]!.trim() });
      trailerLines += 1;
      if (GIT_GENERATED.test(line)) generated = true;
    } else if (/^[ \t]/.test(line) && trailers.length > 0) {
      const last = trailers[trailers.length - 1]!;
      last.value = `${last.value} ${line.trim()}`.trim();
    } else {
      if (line.startsWith('(cherry picked from commit ')) generated = true;
      otherLines += 1;
    }
  }
  if (trailerLines === 0) return [];
  if (otherLines === 0) return trailers;
  return generated && trailerLines * 4 >= trailerLines + otherLines ? trailers : [];
}
