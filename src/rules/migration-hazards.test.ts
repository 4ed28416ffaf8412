import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { sqlDestructiveRule } from './sql-destructive.js';
import { addedFile, buildChange, buildRuleInput, fileFromContents } from './test-builders.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/framework-migrations/${name}`, import.meta.url), 'utf8');

async function run(...files: ChangedFile[]) {
  return sqlDestructiveRule.evaluate(buildRuleInput(buildChange(files)));
}

const brief = (findings: { severity: string; message: string; line?: number }[]) => findings.map((f) => `${f.line}:${f.severity}:${f.message}`);

describe('sql-destructive in framework migrations', () => {
  it('Rails: column drops and type changes, SQL in a heredoc, a table drop; the `down` part is a rollback', async () => {
    const findings = await run(addedFile('db/migrate/20260301120000_retire_legacy_orders.rb', fixture('rails_retire_legacy_orders.rb')));
    expect(brief(findings)).toEqual([
      '4:high:drops a column of `customers` (Rails migration)',
      "5:high:changes a column's type or options on `orders` (Rails migration)",
      '6:medium:renames `orders` (breaks code still using the old name) (Rails migration)',
      '7:critical:deletes every row of a table (no `WHERE`) (SQL the Rails migration runs)',
      '10:critical:drops table `legacy_orders` (Rails migration)',
      '18:low:rollback migration drops table `orders_v2` (Rails migration)',
    ]);
    expect(findings[4]).toMatchObject({ rule: 'sql-destructive', file: 'db/migrate/20260301120000_retire_legacy_orders.rb', evidence: 'drop_table :legacy_orders' });
  });

  it('Django: deleted models, removed and altered fields, RunSQL', async () => {
    const findings = await run(addedFile('shop/migrations/0042_remove_customer_fax.py', fixture('django_0042_remove_customer_fax.py')));
    expect(brief(findings)).toEqual([
      '8:high:removes a field of `customer` (drops its column) (Django migration)',
      '9:critical:deletes model `LegacyOrder` (drops its table) (Django migration)',
      "10:high:alters a field of `order` (its column's type or constraints) (Django migration)",
      '16:critical:truncates a table (deletes every row) (SQL the Django migration runs)',
    ]);
  });

  it('Alembic: a type change written over several lines (as autogenerate writes it); `server_default` alone is harmless; `downgrade` is a rollback', async () => {
    const findings = await run(addedFile('alembic/versions/3f2a_drop_legacy.py', fixture('alembic_3f2a_drop_legacy.py')));
    expect(brief(findings)).toEqual([
      '10:high:drops a column of `customers` (Alembic migration)',
      "11:high:changes a column's type (Alembic migration)",
      '19:critical:drops table `legacy_orders` (SQL the Alembic migration runs)',
      '23:low:rollback migration drops table `orders_v2` (Alembic migration)',
    ]);
  });

  it('Knex: each call once, on the line it starts on, though the callback around it spans lines', async () => {
    const findings = await run(addedFile('migrations/20260301_drop_sessions.js', fixture('knex_20260301_drop_sessions.js')));
    expect(brief(findings)).toEqual([
      '2:critical:drops table or schema `sessions` (Knex, Sequelize or TypeORM migration)',
      '4:high:drops a column `fax` (Knex, Sequelize or TypeORM migration)',
      "5:high:changes a column's type or options (Knex, Sequelize or TypeORM migration)",
      '7:critical:deletes every row of a table (no `WHERE`) (SQL the Knex, Sequelize or TypeORM migration runs)',
      '11:low:rollback migration drops table or schema `users_v2` (Knex, Sequelize or TypeORM migration)',
    ]);
  });

  it('TypeORM: SQL in template literals, and calls on the query runner', async () => {
    const migration = [
      'export class DropSessions1700000000000 implements MigrationInterface {',
      '  public async up(queryRunner: QueryRunner): Promise<void> {',
      '    await queryRunner.query(`DROP TABLE "sessions"`);',
      "    await queryRunner.dropColumn('users', 'fax');",
      '  }',
      '  public async down(queryRunner: QueryRunner): Promise<void> {',
      '    await queryRunner.query(`DROP TABLE "users_v2"`);',
      '  }',
      '}',
    ].join('\n');
    expect(brief(await run(addedFile('src/migrations/1700000000000-DropSessions.ts', migration)))).toEqual([
      '3:critical:drops table `sessions` (SQL the Knex, Sequelize or TypeORM migration runs)',
      '4:high:drops a column `users` (Knex, Sequelize or TypeORM migration)',
      '7:low:rollback migration drops table `users_v2` (SQL the Knex, Sequelize or TypeORM migration runs)',
    ]);
  });

  it('Laravel and Ecto', async () => {
    const laravel = await run(addedFile('database/migrations/2026_03_01_000000_drop_sessions.php', fixture('laravel_2026_03_01_000000_drop_sessions.php')));
    expect(brief(laravel)).toEqual([
      '12:critical:drops table `sessions` (Laravel migration)',
      '14:high:drops a column `fax` (Laravel migration)',
      "15:high:changes a column's type or options (Laravel migration)",
      '17:critical:truncates a table (deletes every row) (SQL the Laravel migration runs)',
      '22:low:rollback migration drops table `users_v2` (Laravel migration)',
    ]);
    const ecto = await run(addedFile('priv/repo/migrations/20260301120000_drop_legacy.exs', fixture('ecto_20260301120000_drop_legacy.exs')));
    expect(brief(ecto)).toEqual([
      '5:critical:drops table `legacy_orders` (Ecto migration)',
      '7:high:drops column `fax_number` (Ecto migration)',
      '8:high:changes the type or options of column `email` (Ecto migration)',
      '10:critical:updates every row of a table (no `WHERE`) (SQL the Ecto migration runs)',
      '14:low:rollback migration drops table `orders_v2` (Ecto migration)',
    ]);
  });

  it('counts a call added to a modified migration as applying it, where the part it is in is unknown', async () => {
    const before = fixture('rails_retire_legacy_orders.rb');
    const after = before.replace('    drop_table :orders_v2\n', '    drop_table :orders_v2\n    drop_table :customers\n');
    const findings = await run(fileFromContents('db/migrate/20260301120000_retire_legacy_orders.rb', before, after));
    expect(brief(findings)).toEqual(['19:critical:drops table `customers` (Rails migration)']);
  });

  it('reads only added lines, only in migration folders, and never comments', async () => {
    const code = ['class Cleanup', '  def run', '    drop_table :orders # not a migration', '  end', 'end'].join('\n');
    expect(await run(addedFile('app/jobs/cleanup.rb', code), addedFile('lib/tasks/knex.js', "knex.schema.dropTable('users');"))).toEqual([]);
    const safe = ['class AddNote < ActiveRecord::Migration[7.1]', '  def change', '    # remove_column :orders, :note', '    add_column :orders, :note, :text', '  end', 'end'].join('\n');
    expect(await run(addedFile('db/migrate/20260302_add_note.rb', safe))).toEqual([]);
    const removedOnly = fileFromContents('db/migrate/1_x.rb', 'drop_table :a\nadd_column :b, :c, :text\n', 'add_column :b, :c, :text\n');
    expect(await run(removedOnly)).toEqual([]);
  });
});
