import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSqlStatements, type SqlStatement } from './sql-statements.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/sql/${name}`, import.meta.url), 'utf8');

const summary = (statements: SqlStatement[]): [string, number, number][] =>
  statements.map((s) => [s.kind === 'statement' ? Object.keys(s.node)[0]! : s.kind, s.line, s.endLine]);

describe('parseSqlStatements', () => {
  it('maps each statement to the lines it spans, counting UTF-8 bytes correctly', async () => {
    const sql = '-- ünïcödé comment: locations are bytes\nCREATE TABLE a (\n  id int,\n  name text -- é\n);\n\nDROP TABLE b;\nSELECT 1';
    const result = await parseSqlStatements(sql);
    expect(result.errors).toEqual([]);
    expect(summary(result.statements)).toEqual([
      ['CreateStmt', 2, 5],
      ['DropStmt', 7, 7],
      ['SelectStmt', 8, 8],
    ]);
    expect(result.statements[1]).toMatchObject({ text: 'DROP TABLE b' });
  });

  it('extends a statement through its terminating semicolon', async () => {
    expect(summary((await parseSqlStatements('DELETE FROM carts\n  \n;\nSELECT 1\n')).statements)).toEqual([
      ['DeleteStmt', 1, 3],
      ['SelectStmt', 4, 4],
    ]);
  });

  it('parses a real migration file', async () => {
    const result = await parseSqlStatements(fixture('V7__retire_legacy_orders.sql'));
    expect(summary(result.statements).map(([kind, line]) => `${line}:${kind}`)).toEqual([
      '2:TransactionStmt', '4:AlterTableStmt', '9:UpdateStmt', '11:AlterTableStmt', '12:AlterTableStmt', '13:AlterTableStmt',
      '15:DeleteStmt', '16:DeleteStmt', '17:TruncateStmt', '19:DropStmt', '20:DropStmt', '21:DropStmt', '23:TransactionStmt',
    ]);
  });

  it('returns no statements for comments only', async () => {
    expect(await parseSqlStatements('-- nothing here\n/* or here */\n')).toEqual({ statements: [], errors: [] });
  });

  it.each([
    ['a typo on line 3', 'SELECT 1;\n\nSELEC 2;', 3, 'syntax error at or near "SELEC"', { text: 'SELEC 2', line: 3, endLine: 3 }],
    ['multibyte text before the error', "SELECT 'ééééé';\nSELECT 'ü';\nDROP TABLE;", 3, 'syntax error at or near ";"', { text: 'DROP TABLE', line: 3, endLine: 3 }],
    // The statement starts after the comment above it.
    ['MySQL backticks', fixture('mysql_dump.sql'), 2, 'syntax error at or near "`"', { text: 'DROP TABLE IF EXISTS `sessions`', line: 2, endLine: 2 }],
  ])('reports %s with the line of the error and its statement', async (_name, sql, line, message, statement) => {
    expect((await parseSqlStatements(sql)).errors[0]).toEqual({ line, message, statement });
  });

  it('gives the statement of an error up to its `;`, over several lines', async () => {
    const sql = 'SELECT 1;\n/* moved */\nALTER TABLE `orders`\n  MODIFY `total` decimal(12,2);\nSELECT 2;\n';
    expect((await parseSqlStatements(sql)).errors).toEqual([
      { line: 3, message: 'syntax error at or near "`"', statement: { text: 'ALTER TABLE `orders`\n  MODIFY `total` decimal(12,2)', line: 3, endLine: 4 } },
    ]);
  });

  it('keeps parsing around syntax errors, so an error cannot hide a statement', async () => {
    const sql = 'DROP TABLE users;\nSELEC 1;\nTRUNCATE orders;\nSELECT `x`;\nDROP SCHEMA s;\n';
    const result = await parseSqlStatements(sql);
    expect(result.errors).toEqual([
      { line: 2, message: 'syntax error at or near "SELEC"', statement: { text: 'SELEC 1', line: 2, endLine: 2 } },
      { line: 4, message: 'syntax error at or near ";"', statement: { text: 'SELECT `x`', line: 4, endLine: 4 } },
    ]);
    expect(summary(result.statements)).toEqual([
      ['DropStmt', 1, 1],
      ['TruncateStmt', 3, 3],
      ['DropStmt', 5, 5],
    ]);
  });

  it('recovers past a `;` inside a string before the error', async () => {
    const result = await parseSqlStatements("DROP TABLE users;\nSELECT 'a;b' FROM FROM t;\n");
    expect(result.errors.map((e) => e.line)).toEqual([2]);
    expect(summary(result.statements)).toEqual([['DropStmt', 1, 1]]);
  });

  it('finds the statements inside a DO block and its dynamic EXECUTE', async () => {
    const result = await parseSqlStatements(fixture('do_block.sql'));
    const inner = result.statements.filter((s) => s.kind !== 'statement' || s.inDoBlock);
    // The IF condition is an expression, not a statement; the DROP inside the IF is one.
    expect(summary(inner)).toEqual([
      ['DropStmt', 5, 5],
      ['dynamic', 7, 7],
    ]);
  });

  it('reports a DO block in another language as opaque', async () => {
    const result = await parseSqlStatements("DO LANGUAGE plv8 $$ plv8.execute('DROP TABLE x') $$;");
    expect(result.statements[1]).toMatchObject({ kind: 'opaque', line: 1, reason: 'language `plv8` is not analysed' });
  });
});
