/**
 * @module The text of a hunk as the diff printed it, kept by the diff reader instead of line objects.
 *
 * A body is the hunk's lines joined with `\n`, each starting with `+` (added), `-` (removed),
 * ` ` or nothing (context) or `\` (a "no newline" note). It holds every added and removed line
 * the hunk keeps, in order, so readers that scan text (the digest, the rules' quick rejection of
 * a whole hunk) can work on one string instead of a list of line objects. Hunks built any other
 * way (tests, the demo, a server request) have no body; readers fall back to `added`/`removed`.
 */
import type { DiffLine, Hunk } from './change.js';

/**
 * A hunk over its body, whose line objects are built on first access. A big change has hundreds
 * of thousands of added lines that are only ever read as text (the digest, the rules' test of a
 * whole hunk), and building a `{ line, text }` object for each up front cost more than the rest
 * of reading the diff. To readers it is a `Hunk`; `toJSON` gives the plain form.
 *
 * INVARIANT: `added` and `removed` are getters on the prototype, so an object spread
 * (`{ ...hunk }`) does not copy them; copy a hunk field by field (or through JSON).
 */
export class TextHunk implements Hunk {
  #lines: { added: DiffLine[]; removed: DiffLine[] } | undefined;
  #lowerBody: string | undefined;

  constructor(
    readonly oldStart: number,
    readonly oldLines: number,
    readonly newStart: number,
    readonly newLines: number,
    /** The hunk's lines as printed, joined with `\n` (see the module comment). */
    readonly body: string,
  ) {}

  get added(): DiffLine[] {
    return (this.#lines ??= readBodyLines(this.body, this.oldStart, this.newStart)).added;
  }

  get removed(): DiffLine[] {
    return (this.#lines ??= readBodyLines(this.body, this.oldStart, this.newStart)).removed;
  }

  /** The body in lower case, for case-insensitive quick tests (made once). */
  get lowerBody(): string {
    return (this.#lowerBody ??= this.body.toLowerCase());
  }

  toJSON(): Hunk {
    return { oldStart: this.oldStart, oldLines: this.oldLines, newStart: this.newStart, newLines: this.newLines, added: this.added, removed: this.removed };
  }
}

/** The text of `hunk` as the diff printed it, when the reader kept it. */
export function hunkBody(hunk: Hunk): string | undefined {
  return hunk instanceof TextHunk ? hunk.body : undefined;
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;

/**
 * Calls `visit` for each added or removed line of a body, in order, with its side, its line
 * number on that side and where its text lies in `body` (after the `+`/`-`).
 */
export function forEachBodyLine(
  body: string,
  oldStart: number,
  newStart: number,
  visit: (side: '+' | '-', line: number, textStart: number, textEnd: number) => void,
): void {
  let oldLine = oldStart;
  let newLine = newStart;
  let pos = 0;
  const end = body.length;
  if (end === 0) return;
  while (pos <= end) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = end;
    const c = body.charCodeAt(pos);
    if (c === PLUS) visit('+', newLine++, pos + 1, nl);
    else if (c === MINUS) visit('-', oldLine++, pos + 1, nl);
    else if (c === SPACE || pos === nl) {
      oldLine += 1;
      newLine += 1;
    }
    pos = nl + 1;
  }
}

/** The added and removed lines of a body. */
export function readBodyLines(body: string, oldStart: number, newStart: number): { added: DiffLine[]; removed: DiffLine[] } {
  const added: DiffLine[] = [];
  const removed: DiffLine[] = [];
  forEachBodyLine(body, oldStart, newStart, (side, line, start, end) => (side === '+' ? added : removed).push({ line, text: body.slice(start, end) }));
  return { added, removed };
}
