import { describe, expect, it } from 'vitest';
import { createStatementEnds } from './sql-statement-ends.js';

describe('createStatementEnds', () => {
  it('passes over a `;` in comments, strings, quoted names and dollar quotes', () => {
    const sql = "SELECT 1; -- a; b\n/* c; */ SELECT 'd;e', \"f;g\", `h;i`, $$j;k$$, $t$l;m$t$; DROP";
    const ends = createStatementEnds(sql);
    expect(ends.lastBefore(sql.length, 'postgresql')).toBe(sql.lastIndexOf(';'));
    expect(ends.lastBefore(sql.indexOf('DROP'), 'mysql')).toBe(sql.lastIndexOf(';'));
    expect(ends.lastBefore(sql.indexOf('--'), 'postgresql')).toBe(sql.indexOf(';'));
  });

  it('reads `#` and `\\\'` as MySQL does, and nested block comments as PostgreSQL does', () => {
    const hash = 'SELECT 1;\n# note; more\nDROP';
    expect(createStatementEnds(hash).lastBefore(hash.length, 'mysql')).toBe(hash.indexOf(';'));
    expect(createStatementEnds(hash).lastBefore(hash.length, 'postgresql')).toBe(hash.lastIndexOf(';'));
    const escaped = "SELECT 'don\\'t; ever';\nDROP";
    expect(createStatementEnds(escaped).lastBefore(escaped.length, 'mysql')).toBe(escaped.lastIndexOf(';'));
    const nested = 'SELECT 1;\n/* outer /* inner */ still; comment */\nDROP';
    expect(createStatementEnds(nested).lastBefore(nested.length, 'postgresql')).toBe(nested.indexOf(';'));
  });

  it('answers cursors in any order the same as a fresh read', () => {
    const sql = Array.from({ length: 50 }, (_, i) => `SELECT '${i};x';`).join('\n');
    const ends = createStatementEnds(sql);
    const cursors = [900, 10, 500, 500, 700, 5];
    for (const cursor of cursors) expect(ends.lastBefore(cursor, 'postgresql')).toBe(createStatementEnds(sql).lastBefore(cursor, 'postgresql'));
  });
});
