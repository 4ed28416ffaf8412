/**
 * @module Where statements end in SQL text (their `;`), by PostgreSQL's lexical rules and by MySQL's.
 *
 * Used to find the statement around a syntax error: a `;` inside a comment, a string or a quoted
 * name ends nothing. The dialects disagree on `#` (a comment in MySQL, an operator in PostgreSQL),
 * on `\'` inside strings (an escaped quote in MySQL) and on nested block comments (PostgreSQL's
 * nest), so each reading is kept apart. The errors of one file are met in order, so each reading
 * resumes where the last question left it: a file is read once, however many errors it has.
 */

export type SqlLexicalRules = 'postgresql' | 'mysql';

export interface StatementEnds {
  /** The offset of the last `;` before `cursor` that ends a statement under `rules` (-1 when none). */
  lastBefore(cursor: number, rules: SqlLexicalRules): number;
}

export function createStatementEnds(text: string): StatementEnds {
  const readers = { postgresql: createReader(text, false), mysql: createReader(text, true) };
  return { lastBefore: (cursor, rules) => readers[rules](cursor) };
}

/** Reads `text` forward; asked for an earlier cursor than the last, it starts again from the top. */
function createReader(text: string, mysql: boolean): (cursor: number) => number {
  let at = 0;
  let last = -1;
  return (cursor) => {
    if (cursor < at) {
      at = 0;
      last = -1;
    }
    while (at < cursor) {
      const char = text[at]!;
      if (char === ';') {
        last = at;
        at++;
      } else if (text.startsWith('--', at) || (mysql && char === '#')) {
        const newline = text.indexOf('\n', at);
        at = newline < 0 ? text.length : newline + 1;
      } else if (text.startsWith('/*', at)) {
        at = closeBlockComment(text, at, !mysql);
      } else if (char === "'" || char === '"' || char === '`') {
        at = closeQuote(text, at, mysql && char !== '`');
      } else if (char === '$') {
        const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(text.slice(at, at + 64))?.[0];
        const close = tag ? text.indexOf(tag, at + tag.length) : -1;
        at = !tag ? at + 1 : close < 0 ? text.length : close + tag.length;
      } else {
        at++;
      }
    }
    // A comment or string that runs past the cursor leaves the reader beyond it: the answer stands.
    return last;
  };
}

/** Just past the `*\/` that closes the block comment at `start` (PostgreSQL's nest: `/* a /* b *\/ c *\/`). */
export function closeBlockComment(text: string, start: number, nested: boolean): number {
  let depth = 0;
  for (let at = start; at < text.length - 1; at++) {
    if (text[at] === '/' && text[at + 1] === '*' && (nested || depth === 0)) {
      depth++;
      at++;
    } else if (text[at] === '*' && text[at + 1] === '/') {
      depth--;
      at++;
      if (depth === 0) return at + 1;
    }
  }
  return text.length;
}

/** Just past the quote that closes the one at `start` (doubled quotes, and backslashes where allowed, escape). */
function closeQuote(text: string, start: number, backslashEscapes: boolean): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    if (backslashEscapes && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (text[at + 1] !== quote) return at + 1;
      at++;
    }
  }
  return text.length;
}
