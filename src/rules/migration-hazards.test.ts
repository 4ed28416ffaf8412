import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { sqlDestructiveRule } from './sql-destructive.js';
import { addedFile, buildChange, buildRuleInput, fileFromContents, renamedFile } from './test-builders.js';

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
      '4:high:drops a column (Knex, Sequelize or TypeORM migration)',
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
      '4:high:drops a column (Knex, Sequelize or TypeORM migration)',
      '7:low:rollback migration drops table `users_v2` (SQL the Knex, Sequelize or TypeORM migration runs)',
    ]);
  });

  it('Laravel and Ecto', async () => {
    const laravel = await run(addedFile('database/migrations/2026_03_01_000000_drop_sessions.php', fixture('laravel_2026_03_01_000000_drop_sessions.php')));
    expect(brief(laravel)).toEqual([
      '12:critical:drops table `sessions` (Laravel migration)',
      '14:high:drops column `fax` (Laravel migration)',
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

  it('marks as rollback only what is in the part that undoes a migration, never a helper after it or a comment', async () => {
    const rails = [
      'class DropLegacy < ActiveRecord::Migration[7.1]',
      '  def up',
      '    drop_legacy_tables',
      '  end',
      '',
      '  def down',
      '    raise ActiveRecord::IrreversibleMigration',
      '  end',
      '',
      '  private',
      '',
      '  def drop_legacy_tables',
      '    drop_table :legacy_orders',
      '  end',
      'end',
    ].join('\n');
    expect(brief(await run(addedFile('db/migrate/20260303_drop_legacy.rb', rails)))).toEqual(['13:critical:drops table `legacy_orders` (Rails migration)']);
    const knex = [
      'exports.up = async function (knex) {',
      '  // Irreversible: down() only recreates the empty table.',
      "  await knex.schema.dropTable('sessions'); // not restored by down()",
      "  await knex.schema.dropTable('carts');",
      '};',
    ].join('\n');
    expect(brief(await run(addedFile('migrations/20260303_drop.js', knex))).map((line) => line.split(' (')[0])).toEqual([
      '3:critical:drops table or schema `sessions`',
      '4:critical:drops table or schema `carts`',
    ]);
  });

  it('counts calls in helpers defined after `down`, in any of the ways JavaScript and TypeScript define them, as applying the migration', async () => {
    const helpers = [
      'const purge = async (knex) => {',
      'export const purge = async (knex) => {',
      'async dropLegacy(queryRunner: QueryRunner) {',
      'private static async dropLegacy(queryRunner: QueryRunner): Promise<void> {',
      'async purge(queryInterface) {',
    ];
    for (const helper of helpers) {
      const code = ['exports.down = async function (knex) {', "  await knex.schema.createTable('sessions', () => {});", '};', helper, "  await knex.schema.dropTable('sessions');", '};'].join('\n');
      expect((await run(addedFile('migrations/20260308_helper.js', code))).map((f) => f.severity), helper).toEqual(['critical']);
    }
    const key = ['exports.up = async function (knex) {', "  const direction = { down: 'south' };", "  await knex.schema.dropTable('sessions');", '};'].join('\n');
    expect((await run(addedFile('migrations/20260308_key.js', key))).map((f) => f.severity)).toEqual(['critical']);
  });

  it('reads string names in `change_table`, code between two block comments, and parentheses inside strings', async () => {
    expect((await run(addedFile('db/migrate/20260309_t.rb', '    t.remove "fax", "phone"'))).map((f) => f.severity)).toEqual(['high']);
    expect((await run(addedFile('migrations/20260309_c.js', "/* a */ await knex.schema.dropTable('sessions'); /* b */"))).map((f) => f.severity)).toEqual(['critical']);
    const phone = ['  def up', `    execute("UPDATE users SET phone = REPLACE(phone, '(', '') WHERE phone LIKE '%(%'")`, '  end', '  def down', '    execute("DELETE FROM users")', '  end'].join('\n');
    expect(brief(await run(addedFile('db/migrate/20260309_phone.rb', phone)))).toEqual(['5:low:rollback migration deletes every row of a table (no `WHERE`) (SQL the Rails migration runs)']);
  });

  it("reads PHP heredocs, whose terminator carries the call's end, and says so when SQL is written in a form it does not read", async () => {
    const php = ['    public function up(): void', '    {', '        DB::statement(<<<SQL', '            CREATE INDEX orders_created ON orders (created_at)', '        SQL);', '        DB::statement(<<<SQL', '            DROP TABLE legacy_orders', '        SQL);', '    }'].join('\n');
    expect(brief(await run(addedFile('database/migrations/2026_03_10_index.php', php)))).toEqual(['6:critical:drops table `legacy_orders` (SQL the Laravel migration runs)']);
    expect(brief(await run(addedFile('db/migrate/20260310_q.rb', '    execute %q{DELETE FROM orders}')))).toEqual([
      '1:high:runs SQL written in a form that is not read (Rails migration): it cannot be checked',
    ]);
  });

  it('reads an SQL line a change adds inside a heredoc it did not add', async () => {
    const before = ['class Purge < ActiveRecord::Migration[7.1]', '  def up', '    execute <<~SQL', "      DELETE FROM sessions WHERE expires_at < now();", '    SQL', '  end', 'end', ''].join('\n');
    const after = before.replace("expires_at < now();\n", "expires_at < now();\n      DELETE FROM orders;\n");
    const findings = await run(fileFromContents('db/migrate/20260311_purge.rb', before, after));
    expect(brief(findings)).toEqual(['5:critical:deletes every row of a table (no `WHERE`) (an SQL line added to a Rails migration)']);
  });

  it('knows `up` and `down` whose parameters or `{` go on below, as prettier writes them', async () => {
    const sequelize = [
      'module.exports = {',
      '  async up(queryInterface: QueryInterface): Promise<void> {',
      "    await queryInterface.createTable('users', {});",
      '  },',
      '  async down(',
      '    queryInterface: QueryInterface,',
      '  ): Promise<void> {',
      "    await queryInterface.dropTable('users');",
      '  },',
      '};',
    ].join('\n');
    expect((await run(addedFile('migrations/20260312-users.ts', sequelize))).map((f) => [f.line, f.severity])).toEqual([[8, 'low']]);
    const typeorm = ['export class User1 {', '  public async down(queryRunner: QueryRunner): Promise<void>', '  {', '    await queryRunner.query(`DROP TABLE "user"`);', '  }', '}'].join('\n');
    expect((await run(addedFile('src/migrations/1-User.ts', typeorm))).map((f) => [f.line, f.severity])).toEqual([[4, 'low']]);
    const mirror = ['module.exports = {', '  async down(queryInterface, Sequelize) {', '  },', '  async up(', '    queryInterface,', '  ) {', "    await queryInterface.dropTable('users');", '  },', '};'].join('\n');
    expect((await run(addedFile('migrations/20260312-mirror.js', mirror))).map((f) => [f.line, f.severity])).toEqual([[7, 'critical']]);
  });

  it('reads calls whose names come on the lines below, and every call of a line', async () => {
    const cases: [string, string, string[]][] = [
      ['db/migrate/20260313_a.rb', '    t.remove(\n      :fax, :phone\n    )', ['high']],
      ['db/migrate/20260313_b.rb', '    t.rename(\n      :a, :b)', ['medium']],
      ['db/migrate/20260313_c.rb', '    change_column_null(:users, :email,\n      false)', ['medium']],
      ['priv/repo/migrations/20260313_d.exs', '      remove(\n        :fax,\n        :string\n      )', ['high']],
      ['db/migrate/20260313_e.rb', '    drop_table :a; drop_table :b', ['critical', 'critical']],
    ];
    for (const [path, code, severities] of cases) expect((await run(addedFile(path, code))).map((f) => f.severity), code).toEqual(severities);
  });

  it('reads SQL however long its heredoc or string, and says so when its end cannot be found', async () => {
    const inserts = Array.from({ length: 30 }, (_, i) => `      INSERT INTO archive VALUES (${i});`);
    const rails = ['class Archive < ActiveRecord::Migration[7.1]', '  def up', '    execute <<~SQL', ...inserts, '      DROP TABLE orders;', '    SQL', '  end', 'end'].join('\n');
    expect(brief(await run(addedFile('db/migrate/20260304_archive.rb', rails)))).toEqual(['3:critical:drops table `orders` (SQL the Rails migration runs)']);
    const unclosed = ['export async function up(knex) {', '  await knex.raw(`DELETE FROM audit_log', '    WHERE created_at < now()', ...Array.from({ length: 210 }, () => '    -- (')].join('\n');
    expect(brief(await run(addedFile('migrations/20260304_trim.js', unclosed)))).toEqual([
      '2:high:runs SQL whose end cannot be found (Knex, Sequelize or TypeORM migration): it cannot be checked',
    ]);
  });

  it('never reads Ruby interpolation as a comment that hides a WHERE', async () => {
    const rails = ['class Backfill < ActiveRecord::Migration[7.1]', '  def up', '    execute "UPDATE orders SET status = #{quote(DEFAULT_STATUS)} WHERE status IS NULL"', '  end', 'end'].join('\n');
    expect(await run(addedFile('db/migrate/20260305_backfill.rb', rails))).toEqual([]);
  });

  it('tells `change_column` from `change_column_default` and `change_column_comment`', async () => {
    const rails = ['  def change', '    change_column_default :users, :active, from: nil, to: true', '    change_column_comment :users, :active, "flag"', '    change_column_null :users, :nickname, true', '  end'].join('\n');
    expect(await run(addedFile('db/migrate/20260306_defaults.rb', rails))).toEqual([]);
  });

  it('says what it cannot read: SQL built elsewhere, Python code a migration runs', async () => {
    const typeorm = ['export class Drop1 {', '  async up(queryRunner) {', '    await queryRunner.query(DROP_SQL);', '  }', '}'].join('\n');
    expect(brief(await run(addedFile('src/migrations/1-Drop.ts', typeorm)))).toEqual([
      '3:medium:runs SQL that is not written out in the call (Knex, Sequelize or TypeORM migration): it cannot be checked',
    ]);
    const django = ['class Migration(migrations.Migration):', '    operations = [migrations.RunPython(delete_all_orders, migrations.RunPython.noop)]'].join('\n');
    expect((await run(addedFile('shop/migrations/0043_purge.py', django))).map((f) => [f.line, f.severity])).toEqual([[2, 'medium']]);
  });

  it('knows the calls and folders the frameworks document beyond the basic ones', async () => {
    const cases: [string, string, string][] = [
      ['db/animals_migrate/20260307_drop_dogs.rb', '    drop_table :dogs', 'critical'],
      ['db/migrate/20260307_change.rb', '    t.change :total, :decimal', 'high'],
      ['db/migrate/20260307_remove.rb', '    table.remove :fax', 'high'],
      ['database/migrations/2026_03_07_drop.php', "        Schema::connection('mysql')->dropIfExists('sessions');", 'critical'],
      ['database/migrations/2026_03_07_cols.php', "        Schema::dropColumns('users', ['fax']);", 'high'],
      ['database/migrations/2026_03_07_trunc.php', "        DB::table('carts')->truncate();", 'critical'],
      ['alembic/versions/4a_purge.py', '    conn.execute(sa.text("DELETE FROM audit_log"))', 'critical'],
      ['migrations/20260307_purge.js', "  await knex('carts').truncate();", 'critical'],
      ['migrations/20260307_del.js', "  await knex('audit_log').del();", 'high'],
      ['priv/repo/migrations/20260307_purge.exs', '    repo().query!("TRUNCATE audit_log")', 'critical'],
      ['migrations/20260307_comment.js', "/* sessions live in redis now */ await knex.schema.dropTable('sessions');", 'critical'],
    ];
    for (const [path, line, severity] of cases) {
      expect((await run(addedFile(path, line))).map((f) => f.severity), `${path}: ${line}`).toEqual([severity]);
    }
  });

  it('says a migration renamed or copied into place runs again, though none of its lines changed', async () => {
    const findings = await run(renamedFile('db/migrate_disabled/20260301_drop_legacy.rb', 'db/migrate/20260301_drop_legacy.rb'));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['high', 'a Rails migration renamed into place runs again, whole, and only its changed lines were read']]);
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
