import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Artifact, ChangedFile } from '../core/change.js';
import { sqlDestructiveRule } from './sql-destructive.js';
import { addedFile, buildArtifact, buildChange, buildRuleInput, fileFromContents, modifiedFile, renamedFile } from './test-builders.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/sql/${name}`, import.meta.url), 'utf8');

/** A new SQL file: the file and its artifact. */
const newSql = (path: string, sql: string): { file: ChangedFile; artifact: Artifact } => ({
  file: addedFile(path, sql),
  artifact: buildArtifact('sql', path, sql),
});

async function run(items: { file: ChangedFile; artifact?: Artifact }[], settings: Record<string, unknown> = {}) {
  const change = buildChange(items.map((i) => i.file), { artifacts: items.flatMap((i) => (i.artifact ? [i.artifact] : [])) });
  return sqlDestructiveRule.evaluate(buildRuleInput(change, undefined, settings));
}

const brief = (findings: { severity: string; message: string; line?: number }[]) => findings.map((f) => `${f.line}:${f.severity}:${f.message}`);

describe('sql-destructive', () => {
  it('finds every hazard class in a real migration, with its line', async () => {
    const findings = await run([newSql('db/migration/V7__retire_legacy_orders.sql', fixture('V7__retire_legacy_orders.sql'))]);
    expect(brief(findings)).toEqual([
      '4:medium:adds NOT NULL column `orders_v2`.`region` without a DEFAULT (fails when the table has rows)',
      '9:critical:updates every row of `orders_v2` (no WHERE)',
      '11:high:changes the type of column `orders_v2`.`total` (rewrites the table; values may be cast or lost)',
      '12:medium:sets NOT NULL on `orders_v2`.`customer_id` (scans the table under an exclusive lock; fails if any row is null)',
      '13:high:drops column `customers`.`fax_number`',
      '16:critical:deletes every row of `order_audit` (no WHERE)',
      '17:critical:truncates `order_staging`',
      '19:medium:drops index `idx_orders_legacy_created` (queries relying on it slow down)',
      '20:critical:drops table `legacy_orders`, `legacy_order_items`',
      '21:critical:drops schema `legacy` with CASCADE',
    ]);
    expect(findings[0]).toMatchObject({ rule: 'sql-destructive', file: 'db/migration/V7__retire_legacy_orders.sql' });
    expect(findings[8]?.evidence).toBe('DROP TABLE IF EXISTS legacy_orders, legacy_order_items');
  });

  it.each([
    ['DROP DATABASE shop;', 'critical', 'drops database `shop`'],
    ['DROP TABLE public.users CASCADE;', 'critical', 'drops table `public.users`'],
    ['DROP TYPE order_status CASCADE;', 'high', 'drops type `order_status` with CASCADE, which also drops everything that depends on it'],
    ['UPDATE accounts SET balance = 0 FROM ledger;', 'critical', 'updates every row of `accounts` (no WHERE)'],
    ['ALTER TABLE users RENAME COLUMN email TO email_address;', 'medium', 'renames column `users`.`email` to `email_address` (breaks code still using the old name)'],
    ['ALTER TABLE users RENAME TO customers;', 'medium', 'renames table `users` to `customers` (breaks code still using the old name)'],
    ['DROP MATERIALIZED VIEW sales_daily;', 'medium', 'drops matview `sales_daily`'],
    ['DROP FUNCTION price(int) CASCADE;', 'high', 'drops function `price` with CASCADE, which also drops everything that depends on it'],
    ['WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d;', 'critical', 'deletes every row of `orders` (no WHERE)'],
    ['EXPLAIN ANALYZE DELETE FROM orders;', 'critical', 'deletes every row of `orders` (no WHERE)'],
    ['PREPARE purge AS DELETE FROM orders;', 'critical', 'deletes every row of `orders` (no WHERE)'],
    ['INSERT INTO audit WITH d AS (DELETE FROM logs RETURNING *) SELECT * FROM d;', 'critical', 'deletes every row of `logs` (no WHERE)'],
    ['CREATE TABLE keep AS WITH x AS (UPDATE accounts SET balance = 0 RETURNING *) SELECT * FROM x;', 'critical', 'updates every row of `accounts` (no WHERE)'],
    ['DELETE FROM orders WHERE 1 = 1;', 'critical', 'deletes every row of `orders` (no WHERE)'],
    ['UPDATE accounts SET balance = 0 WHERE true;', 'critical', 'updates every row of `accounts` (no WHERE)'],
    ["DELETE FROM orders WHERE 'x' = 'x';", 'critical', 'deletes every row of `orders` (no WHERE)'],
    ['ALTER TABLE orders DROP CONSTRAINT orders_pkey CASCADE;', 'high', 'drops constraint `orders_pkey` of `orders` with CASCADE, which also drops the foreign keys that depend on it'],
    ['DROP OWNED BY app CASCADE;', 'critical', 'drops every object owned by `app`, tables included'],
  ])('%s -> %s', async (sql, severity, message) => {
    expect((await run([newSql('migrations/001.sql', sql)])).map((f) => [f.severity, f.message])).toEqual([[severity, message]]);
  });

  it.each([
    ['a safe migration', fixture('000012_add_loyalty_points.up.sql')],
    ['DELETE with WHERE', 'DELETE FROM sessions WHERE expires_at < now();'],
    ['UPDATE with WHERE', "UPDATE users SET plan = 'free' WHERE plan IS NULL;"],
    ['ADD COLUMN NOT NULL with DEFAULT', "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"],
    ['ADD COLUMN identity', 'ALTER TABLE users ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;'],
    ['nullable ADD COLUMN', 'ALTER TABLE users ADD COLUMN nickname text;'],
    ['CREATE TABLE with NOT NULL', 'CREATE TABLE t (id int NOT NULL);'],
    ['DROP VIEW without CASCADE', 'DROP VIEW active_users;'],
    ['comments only', '-- DROP TABLE users;\n/* TRUNCATE orders; */'],
    ['a string mentioning DROP TABLE', "INSERT INTO audit (note) VALUES ('DROP TABLE users');"],
    ['DELETE with a WHERE that compares different constants', 'DELETE FROM sessions WHERE 1 = 2;'],
    ['DROP CONSTRAINT without CASCADE', 'ALTER TABLE orders DROP CONSTRAINT orders_check;'],
    ['a CTE that only reads', 'WITH d AS (SELECT * FROM orders) SELECT count(*) FROM d;'],
  ])('reports nothing for %s', async (_name, sql) => {
    expect(await run([newSql('migrations/002.sql', sql)])).toEqual([]);
  });

  it('looks only at the statements a modification adds', async () => {
    const base = 'CREATE TABLE a (id int);\nDROP TABLE legacy;\n';
    const head = 'CREATE TABLE a (id int);\nDROP TABLE legacy;\nALTER TABLE a\n  DROP COLUMN id;\nSELECT 1;\n';
    const path = 'db/schema.sql';
    const findings = await run([{ file: fileFromContents(path, base, head), artifact: buildArtifact('sql', path, head, base) }]);
    expect(brief(findings)).toEqual(['3:high:drops column `a`.`id`']);
  });

  it.each([
    ['a line of it is replaced', 'DELETE FROM carts\nWHERE abandoned;\n', 'DELETE FROM carts\n;\n', ['1:critical:deletes every row of `carts` (no WHERE)']],
    ['a line inside it is only removed', 'DELETE FROM carts\n  WHERE abandoned\n;\n', 'DELETE FROM carts\n;\n', ['1:critical:deletes every row of `carts` (no WHERE)']],
    ['a later line is removed, leaving an old statement untouched', 'DROP TABLE a;\nDROP TABLE b;\n', 'DROP TABLE a;\n', []],
    ['an earlier statement is edited', 'SELECT 1;\nDROP TABLE b;\n', 'SELECT 2;\nDROP TABLE b;\n', []],
    [
      'a guard around it in a DO block is removed',
      'DO $$\nBEGIN\n  IF false THEN\n    DROP TABLE legacy;\n  END IF;\nEND $$;\n',
      'DO $$\nBEGIN\n    DROP TABLE legacy;\nEND $$;\n',
      ['3:critical:drops table `legacy` (inside a DO block)'],
    ],
    ['a RETURN before it in a DO block is removed', 'DO $$\nBEGIN\n  RETURN;\n  DELETE FROM orders;\nEND $$;\n', 'DO $$\nBEGIN\n  DELETE FROM orders;\nEND $$;\n', ['3:critical:deletes every row of `orders` (no WHERE) (inside a DO block)']],
  ])('in a modified file, a statement counts when %s', async (_name, base, head, expected) => {
    const path = 'db/cleanup.sql';
    const findings = await run([{ file: fileFromContents(path, base, head), artifact: buildArtifact('sql', path, head, base) }]);
    expect(brief(findings)).toEqual(expected);
  });

  it.each([
    ['renamed into the migrations (re-enabled)', 'db/migrations/V2__drop.sql.disabled', 'renamed'],
    ['renumbered', 'db/migrations/V2__drop.sql', 'renamed'],
    ['copied from a rollback folder', 'db/rollback/V2.sql', 'copied'],
  ])('counts every statement of a file %s, though its lines did not change', async (_name, oldPath, status) => {
    const path = 'db/migrations/V3__drop.sql';
    const sql = 'SELECT 1;\nDROP TABLE customers;\nTRUNCATE orders;\n';
    const file = { ...renamedFile(oldPath, path), status: status as ChangedFile['status'] };
    const findings = await run([{ file, artifact: buildArtifact('sql', path, sql, sql) }]);
    expect(brief(findings)).toEqual(['2:critical:drops table `customers`', '3:critical:truncates `orders`']);
  });

  it('never passes unparseable SQL: the parser message and line are reported', async () => {
    const findings = await run([newSql('db/mysql_dump.sql', fixture('mysql_dump.sql'))]);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'high', line: 2, message: 'cannot parse SQL at line 2: syntax error at or near "`" (and 1 more syntax errors)', file: 'db/mysql_dump.sql' }),
      // What MySQL would run there is a DROP TABLE: rated as one, not as "cannot parse".
      expect.objectContaining({ severity: 'critical', line: 2, message: expect.stringMatching(/^drops table `sessions`, as far as its words tell/), evidence: 'DROP TABLE IF EXISTS `sessions`' }),
    ]);
  });

  it.each([
    ['DELETE FROM `orders`;', 'critical', 'deletes every row of a table (no `WHERE`)'],
    ['UPDATE `accounts` SET `balance` = 0;', 'critical', 'updates every row of a table (no `WHERE`)'],
    ['TRUNCATE TABLE `order_staging`;', 'critical', 'truncates a table (deletes every row)'],
    ['DROP DATABASE `shop`;', 'critical', 'drops database `shop`'],
    ['ALTER TABLE `customers` DROP COLUMN `fax`;', 'high', 'drops part of a table (`ALTER TABLE … DROP`)'],
  ])('rates a statement in another dialect by its words: %s -> %s', async (sql, severity, what) => {
    const findings = await run([newSql('db/mysql.sql', `SELECT 1;\n${sql}\n`)]);
    expect(findings.map((f) => [f.line, f.severity, f.message])).toEqual([
      [2, 'high', expect.stringMatching(/^cannot parse SQL at line 2/)],
      [2, severity, `${what}, as far as its words tell: the statement does not parse as PostgreSQL, so it is rated as what it reads like`],
    ]);
  });

  it('finds the start of an unparseable statement past comments and strings that hold a `;`', async () => {
    // PostgreSQL stops at a MySQL `#` comment itself (line 2); the DROP is still read (line 3).
    for (const [comment, errorLine] of [['-- Sessions moved to Redis; the table is no longer read', 3], ['/* legacy; unused */', 3], ['# MySQL; comment', 2]] as const) {
      const findings = await run([newSql('db/dump.sql', `SELECT 1;\n${comment}\nDROP TABLE \`sessions\`;\n`)]);
      expect(findings.map((f) => [f.line, f.severity]), comment).toEqual([[errorLine, 'high'], [3, 'critical']]);
    }
    const quoted = await run([newSql('db/q.sql', "INSERT INTO notes VALUES ('a;b');\nDROP TABLE `sessions`;\n")]);
    expect(quoted.map((f) => [f.line, f.severity])).toEqual([[2, 'high'], [2, 'critical']]);
  });

  it('finds a DROP after a MySQL string holding an escaped quote and a `;`, on its own line', async () => {
    const dump = "INSERT INTO `notes` VALUES (1,'don\\'t; ever'),(2,'x');\nDROP TABLE IF EXISTS `sessions`;\n";
    expect((await run([newSql('db/dump.sql', dump)])).map((f) => [f.line, f.severity])).toEqual([[1, 'high'], [2, 'critical']]);
    const many = "INSERT INTO `notes` VALUES ('O\\'Brien');\nINSERT INTO `notes` VALUES ('x');\nINSERT INTO `notes` VALUES ('y');\nDROP TABLE `sessions`;\n";
    const findings = await run([newSql('db/many.sql', many)]);
    expect(findings.filter((f) => f.severity === 'critical').map((f) => [f.line, f.evidence])).toEqual([[4, 'DROP TABLE `sessions`']]);
  });

  it('finds a DROP past a nested block comment that holds a `;`', async () => {
    const findings = await run([newSql('db/nested.sql', 'SELECT 1;\n/* outer /* inner */ still; comment */\nDROP TABLE `x`;\n')]);
    expect(findings.map((f) => f.severity)).toEqual(['high', 'critical']);
  });

  it('reads, after too many syntax errors, the statements of the last part that was never parsed', async () => {
    const mysql = Array.from({ length: 19 }, (_, i) => `CREATE TABLE \`t${i}\` (\`id\` int);`);
    const sql = [...mysql, 'DROP TABLE users;', 'CREATE TABLE `u` (`id` int);'].join('\n');
    const findings = await run([newSql('db/limit.sql', `${sql}\n`)]);
    expect(findings.filter((f) => f.severity === 'critical').map((f) => f.message.split(',')[0])).toEqual(['drops table `users`']);
  });

  it('reads the rest of a file by its words once there are too many syntax errors to parse on', async () => {
    const base = Array.from({ length: 25 }, (_, i) => `CREATE TABLE \`t${i}\` (\`id\` int);`).join('\n');
    const head = `${base}\nDROP TABLE \`t3\`;`;
    const file = fileFromContents('db/mysql.sql', `${base}\n`, `${head}\n`);
    const findings = await run([{ file, artifact: buildArtifact('sql', 'db/mysql.sql', `${head}\n`, `${base}\n`) }]);
    expect(findings.map((f) => [f.severity, f.message.split(':')[0]])).toEqual([
      ['high', 'cannot parse SQL at line 1'],
      ['critical', 'drops table `t3`, as far as its words tell'],
    ]);
    expect(findings[1]?.message).toContain('the SQL from here on was not parsed (too many syntax errors)');
  });

  it('adds nothing for an unparseable statement that reads as harmless, or whose destructive words are in comments or strings', async () => {
    const sql = [
      'SELEC 1;',
      "INSERT INTO `log` VALUES ('DROP TABLE users');",
      '/* DROP TABLE users; */ SELECT `x` FROM t;',
      'DELETE FROM `orders` WHERE `id` = 7;',
    ].join('\n');
    const findings = await run([newSql('db/harmless.sql', `${sql}\n`)]);
    expect(findings.map((f) => f.severity)).toEqual(['high']);
    expect(findings[0]?.message).toMatch(/^cannot parse SQL at line 1: .*\(and 3 more syntax errors\)$/);
  });

  it('rates an unparseable statement of a modified file only when the change touches it', async () => {
    const old = 'DROP TABLE IF EXISTS `sessions`;\nSELECT 1;\n';
    const edited = 'DROP TABLE IF EXISTS `sessions`;\nSELECT 2;\n';
    const file = fileFromContents('db/dump.sql', old, edited);
    const untouched = await run([{ file, artifact: buildArtifact('sql', 'db/dump.sql', edited, old) }]);
    expect(untouched.map((f) => f.severity)).toEqual(['high']);
    const dropAdded = fileFromContents('db/dump.sql', 'SELECT 1;\n', 'SELECT 1;\nDROP TABLE `sessions`;\n');
    const touched = await run([{ file: dropAdded, artifact: buildArtifact('sql', 'db/dump.sql', 'SELECT 1;\nDROP TABLE `sessions`;\n', 'SELECT 1;\n') }]);
    expect(touched.map((f) => [f.line, f.severity])).toEqual([[2, 'high'], [2, 'critical']]);
  });

  it('rates an unparseable run of added lines of patch input by its words too', async () => {
    const file = modifiedFile('db/5.sql', '@@ -3,1 +3,2 @@\n SELECT 1;\n+DROP TABLE `carts`;');
    const findings = await run([{ file, artifact: buildArtifact('sql', 'db/5.sql', undefined, undefined, { unreadable: 'incomplete' }) }]);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[4, 'high'], [4, 'critical']]);
  });

  it('still reports destructive statements next to a syntax error', async () => {
    const findings = await run([newSql('db/004.sql', 'DROP TABLE users;\nSELECT `x`;\n')]);
    expect(brief(findings)).toEqual(['2:high:cannot parse SQL at line 2: syntax error at or near ";"', '1:critical:drops table `users`']);
  });

  it('checks DO blocks: a DROP inside is reported, dynamic EXECUTE is flagged', async () => {
    expect(brief(await run([newSql('db/do.sql', fixture('do_block.sql'))]))).toEqual([
      '5:critical:drops table `carts_old` (inside a DO block)',
      '7:medium:DO block runs dynamic SQL (`EXECUTE`) that cannot be checked',
    ]);
  });

  it('checks the statements a DO block runs in a loop or with PERFORM', async () => {
    const sql = 'DO $$\nDECLARE r record;\nBEGIN\n  FOR r IN DELETE FROM sessions RETURNING id LOOP\n    RAISE NOTICE \'%\', r;\n  END LOOP;\n  PERFORM 1;\nEND $$;\n';
    expect(brief(await run([newSql('db/loop.sql', sql)]))).toEqual(['4:critical:deletes every row of `sessions` (no WHERE) (inside a DO block)']);
  });

  it('reports rollback migrations at low severity', async () => {
    const findings = await run([newSql('migrations/000012_add_loyalty_points.down.sql', fixture('000012_add_loyalty_points.down.sql'))]);
    expect(brief(findings)).toEqual(['2:low:rollback migration drops table `loyalty_points`']);
    const custom = await run([newSql('db/undo/1.sql', 'DROP TABLE x;')], { rollbackPaths: ['db/undo/**'] });
    expect(custom.map((f) => f.severity)).toEqual(['low']);
    // A forward migration whose name ends in "_down" is not a rollback.
    const forward = await run([newSql('db/V5__legacy_tear_down.sql', 'DROP TABLE legacy_orders;')]);
    expect(forward.map((f) => f.severity)).toEqual(['critical']);
  });

  it('is not fooled by SQL text in a shell script (only SQL artifacts are parsed)', async () => {
    expect(await run([{ file: addedFile('scripts/reset.sh', 'psql -c "DROP TABLE users"') }])).toEqual([]);
  });

  it('skips deleted SQL files and reports unreadable ones', async () => {
    expect(await run([{ file: fileFromContents('old.sql', 'DROP TABLE x;\n', undefined), artifact: buildArtifact('sql', 'old.sql', undefined, 'DROP TABLE x;\n') }])).toEqual([]);
    const big = await run([{ file: addedFile('dump.sql', []), artifact: buildArtifact('sql', 'dump.sql', undefined, undefined, { unreadable: 'too-large' }) }]);
    expect(big.map((f) => [f.severity, f.message])).toEqual([['high', 'cannot read SQL: its content could not be loaded (too-large)']]);
  });

  it('parses the added lines of patch input, where only changed lines are known', async () => {
    const file = modifiedFile('db/2.sql', '@@ -10,2 +10,4 @@\n SELECT 1;\n+TRUNCATE audit;\n+ALTER TABLE t\n+  DROP COLUMN c;\n SELECT 2;');
    const artifact = buildArtifact('sql', 'db/2.sql', undefined, undefined, { unreadable: 'incomplete' });
    expect(brief(await run([{ file, artifact }]))).toEqual(['11:critical:truncates `audit`', '12:high:drops column `t`.`c`']);
    const partial = modifiedFile('db/3.sql', '@@ -1,2 +1,2 @@\n ALTER TABLE t\n-  ADD COLUMN a int;\n+  DROP COLUMN a;');
    const unclear = await run([{ file: partial, artifact: buildArtifact('sql', 'db/3.sql', undefined, undefined, { unreadable: 'incomplete' }) }]);
    expect(unclear.map((f) => [f.severity, f.line])).toEqual([['high', 2], ['high', 2]]);
    expect(unclear.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cannot parse SQL at line 2: .*\(only the changed lines are known\)$/), expect.stringMatching(/^lines were removed/)]),
    );
  });

  it('never passes a patch that only removes SQL lines (a removed WHERE makes a DELETE unqualified)', async () => {
    const file = modifiedFile('db/4.sql', ['@@ -1,3 +1,2 @@', ' DELETE FROM orders', "-  WHERE created_at < now() - interval '1 year'", ' ;'].join('\n'));
    const findings = await run([{ file, artifact: buildArtifact('sql', 'db/4.sql', undefined, undefined, { unreadable: 'incomplete' }) }]);
    expect(findings.map((f) => [f.severity, f.line, f.message.slice(0, 20)])).toEqual([['high', 2, 'lines were removed f']]);
  });

  it('rejects an unsupported dialect setting with a finding', async () => {
    const findings = await run([newSql('a.sql', 'SELECT 1;')], { dialect: 'mysql' });
    expect(findings.map((f) => f.message)).toEqual(['invalid `rules.settings.sql-destructive.dialect`: invalid input: expected "postgresql"; using the defaults']);
  });
});
