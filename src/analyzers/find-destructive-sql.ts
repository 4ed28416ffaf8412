/**
 * @module Finds destructive statements in SQL text: `DROP DATABASE/SCHEMA/TABLE`, `TRUNCATE`,
 * `DELETE` or `UPDATE` without a `WHERE`, `ALTER TABLE … DROP`.
 *
 * Used where no grammar answers: the agent guard's reading of commands, and the SQL rule's reading
 * of a statement the PostgreSQL grammar rejects (another dialect). A small lexer, not a grammar: it knows strings, quoted identifiers, dollar quotes and comments
 * well enough that `SELECT 'DROP TABLE x'` is not a drop and `DROP/**\/TABLE x` is.
 *
 * Clients disagree on the lexical rules: `#` starts a comment in MySQL and is an operator in
 * PostgreSQL; `\'` escapes a quote in MySQL strings and not in standard PostgreSQL ones; MySQL
 * needs a blank after `--`. The text is read under each set of rules, and a statement any of them
 * finds counts. Dollar-quoted code (`DO` blocks, function bodies, `EXECUTE`) is read as SQL too: it runs.
 */

export interface DestructiveStatement {
  /** What it does, as a phrase: "drops table `users`". */
  what: string;
  /** True when whole tables, schemas or databases, or every row of a table, are lost; false for a part (`ALTER TABLE … DROP`, a `MERGE`'s deletes). */
  wholeData: boolean;
  statement: string;
}

interface LexicalRules {
  hashComments: boolean;
  backslashEscapes: boolean;
  dashCommentNeedsBlank: boolean;
}

const READINGS: readonly LexicalRules[] = [
  { hashComments: true, backslashEscapes: true, dashCommentNeedsBlank: false },
  { hashComments: false, backslashEscapes: false, dashCommentNeedsBlank: false },
  { hashComments: true, backslashEscapes: true, dashCommentNeedsBlank: true },
];

/** Words that may come before a data-changing statement in the same statement (`WITH … DELETE`, `EXPLAIN ANALYZE DELETE`). */
const LEADING = new Set(['WITH', 'EXPLAIN', 'PREPARE', 'CREATE', 'INSERT', 'COPY']);
const CHANGING = new Set(['DELETE', 'UPDATE', 'TRUNCATE', 'DROP']);

/** Classifies SQL text; pure. */
export function findDestructiveSql(sql: string): DestructiveStatement[] {
  const found = new Map<string, DestructiveStatement>();
  for (const rules of READINGS) {
    for (const statement of classify(splitStatements(sql, rules))) found.set(`${statement.what}\0${statement.statement}`, statement);
  }
  return [...found.values()];
}

function classify(statements: readonly Statement[]): DestructiveStatement[] {
  const found: DestructiveStatement[] = [];
  for (const statement of statements) {
    let words = statement.words;
    if (LEADING.has(words[0] ?? '')) {
      // Not the `UPDATE` of an upsert (`ON CONFLICT DO UPDATE`, `ON DUPLICATE KEY UPDATE`) or of `FOR UPDATE`.
      const at = words.findIndex((word, index) => CHANGING.has(word) && !['DO', 'KEY', 'FOR'].includes(words[index - 1] ?? ''));
      if (at > 0) words = words.slice(at);
    }
    const text = statement.text.trim().replace(/\s+/g, ' ').slice(0, 120);
    if (words[0] === 'MERGE' && words.includes('DELETE')) {
      found.push({ what: 'deletes the rows a `MERGE` matches', wholeData: false, statement: text });
      continue;
    }
    const at = (index: number): string => words[index] ?? '';
    const first = at(0);
    if (first === 'DROP') {
      let index = 1;
      if (at(1) === 'MATERIALIZED') index = 2;
      const object = at(index);
      if (['DATABASE', 'SCHEMA', 'TABLE', 'KEYSPACE', 'COLLECTION', 'OWNED'].includes(object)) {
        const name = words.slice(index + 1).find((word) => !['IF', 'EXISTS', 'CASCADE', 'BY'].includes(word)) ?? '';
        found.push({ what: `drops ${object.toLowerCase()} \`${name.toLowerCase()}\``, wholeData: true, statement: text });
      }
    } else if (first === 'TRUNCATE') {
      found.push({ what: 'truncates a table (deletes every row)', wholeData: true, statement: text });
    } else if (first === 'DELETE' && !words.includes('WHERE')) {
      found.push({ what: 'deletes every row of a table (no `WHERE`)', wholeData: true, statement: text });
    } else if (first === 'DELETE' && tautology(statement.text)) {
      found.push({ what: 'deletes every row of a table (`WHERE` is always true)', wholeData: true, statement: text });
    } else if (first === 'UPDATE' && !words.includes('WHERE')) {
      found.push({ what: 'updates every row of a table (no `WHERE`)', wholeData: true, statement: text });
    } else if (first === 'ALTER' && at(1) === 'TABLE' && words.includes('DROP')) {
      found.push({ what: 'drops part of a table (`ALTER TABLE … DROP`)', wholeData: false, statement: text });
    } else if (first === 'FLUSHALL' || first === 'FLUSHDB') {
      found.push({ what: `erases the database (\`${first}\`)`, wholeData: true, statement: text });
    }
  }
  return found;
}

interface Statement {
  /** Upper-case bare words, with strings and comments removed. */
  words: string[];
  text: string;
}

function splitStatements(sql: string, rules: LexicalRules): Statement[] {
  const statements: Statement[] = [];
  let words: string[] = [];
  let text = '';
  let i = 0;
  const flush = (): void => {
    if (words.length > 0) statements.push({ words, text });
    words = [];
    text = '';
  };
  while (i < sql.length) {
    const char = sql[i] as string;
    const two = sql.slice(i, i + 2);
    const dashComment = two === '--' && (!rules.dashCommentNeedsBlank || /[\s]/.test(sql[i + 2] ?? ' '));
    if (dashComment || (char === '#' && rules.hashComments)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      text += ' ';
      continue;
    }
    if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      text += ' ';
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      const end = closingQuote(sql, i, char, rules.backslashEscapes);
      if (char !== "'") words.push(sql.slice(i + 1, end - 1).toUpperCase());
      text += sql.slice(i, end);
      i = end;
      continue;
    }
    const dollar = /^\$([A-Za-z_]*)\$/.exec(sql.slice(i, i + 64));
    if (dollar) {
      const tag = dollar[0];
      const end = sql.indexOf(tag, i + tag.length);
      // A `DO` block, a function body (`AS $$…$$`) or `EXECUTE $q$…$q$` runs too: its statements
      // are read on their own. Elsewhere a dollar quote is a string (`SELECT $$DROP TABLE x$$`).
      if (['DO', 'AS', 'EXECUTE'].includes(words[words.length - 1] ?? '')) {
        statements.push(...splitStatements(sql.slice(i + tag.length, end < 0 ? sql.length : end), rules));
      }
      i = end < 0 ? sql.length : end + tag.length;
      text += ' ';
      continue;
    }
    if (char === ';') {
      flush();
      i += 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$.]*/.exec(sql.slice(i, i + 256));
    if (word) {
      words.push(word[0].toUpperCase());
      text += word[0];
      i += word[0].length;
      continue;
    }
    text += char;
    i += 1;
  }
  flush();
  return statements;
}

function closingQuote(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\' && quote !== '"') {
      i += 2;
      continue;
    }
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

function tautology(statement: string): boolean {
  return /\bWHERE\s+(?:1\s*=\s*1|TRUE|'1'\s*=\s*'1'|1)\s*(?:;|$)/i.test(statement.trim());
}
