/**
 * @module Finds destructive statements in SQL text: `DROP DATABASE/SCHEMA/TABLE`, `TRUNCATE`,
 * `DELETE` or `UPDATE` without a `WHERE`, `ALTER TABLE … DROP`.
 *
 * A small lexer, not a grammar: it knows strings, quoted identifiers, dollar quotes and comments
 * well enough that `SELECT 'DROP TABLE x'` is not a drop and `DROP/**\/TABLE x` is.
 */

export interface DestructiveStatement {
  /** What it does, as a phrase: "drops table `users`". */
  what: string;
  statement: string;
}

/** Classifies SQL text; pure. */
export function findDestructiveSql(sql: string): DestructiveStatement[] {
  const found: DestructiveStatement[] = [];
  for (const statement of splitStatements(sql)) {
    const words = statement.words;
    const text = statement.text.trim().replace(/\s+/g, ' ').slice(0, 120);
    const at = (index: number): string => words[index] ?? '';
    const first = at(0);
    if (first === 'DROP') {
      let index = 1;
      if (at(1) === 'MATERIALIZED') index = 2;
      const object = at(index);
      if (['DATABASE', 'SCHEMA', 'TABLE', 'KEYSPACE', 'COLLECTION', 'OWNED'].includes(object)) {
        const name = words.slice(index + 1).find((word) => !['IF', 'EXISTS', 'CASCADE', 'BY'].includes(word)) ?? '';
        found.push({ what: `drops ${object.toLowerCase()} \`${name.toLowerCase()}\``, statement: text });
      }
    } else if (first === 'TRUNCATE') {
      found.push({ what: 'truncates a table (deletes every row)', statement: text });
    } else if (first === 'DELETE' && !words.includes('WHERE')) {
      found.push({ what: 'deletes every row of a table (no `WHERE`)', statement: text });
    } else if (first === 'DELETE' && tautology(statement.text)) {
      found.push({ what: 'deletes every row of a table (`WHERE` is always true)', statement: text });
    } else if (first === 'UPDATE' && !words.includes('WHERE')) {
      found.push({ what: 'updates every row of a table (no `WHERE`)', statement: text });
    } else if (first === 'ALTER' && at(1) === 'TABLE' && words.includes('DROP')) {
      found.push({ what: 'drops part of a table (`ALTER TABLE … DROP`)', statement: text });
    } else if (first === 'FLUSHALL' || first === 'FLUSHDB') {
      found.push({ what: `erases the database (\`${first}\`)`, statement: text });
    }
  }
  return found;
}

interface Statement {
  /** Upper-case bare words, with strings and comments removed. */
  words: string[];
  text: string;
}

function splitStatements(sql: string): Statement[] {
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
    if (two === '--' || char === '#') {
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
      const end = closingQuote(sql, i, char);
      if (char !== "'") words.push(sql.slice(i + 1, end - 1).toUpperCase());
      text += sql.slice(i, end);
      i = end;
      continue;
    }
    const dollar = /^\$([A-Za-z_]*)\$/.exec(sql.slice(i, i + 64));
    if (dollar) {
      const tag = dollar[0];
      const end = sql.indexOf(tag, i + tag.length);
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

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote !== '"') {
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
