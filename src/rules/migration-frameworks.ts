/**
 * @module Part of `sql-destructive`: the schema-change calls of migration frameworks that destroy or break data.
 *
 * Most teams do not write migrations in SQL but in their framework's own language: Rails
 * (`drop_table`), Django (`migrations.DeleteModel`), Alembic (`op.drop_column`), Knex, Sequelize
 * and TypeORM (`dropTable`, `removeColumn`), Laravel (`Schema::dropIfExists`), Ecto
 * (`drop table(:orders)`). Each framework keeps its migrations in a folder of its own, so a call is
 * only looked for in that framework's files, where it can mean nothing else. Severities follow the
 * SQL ones: whole tables critical, a column's data high, what fails or locks on existing data or
 * breaks code using old names medium.
 */
import type { Severity } from '../core/finding.js';

/** One kind of call and what it does. */
export interface MigrationCall {
  /** Tested on the line the call starts on, or with `spansLines` on the whole call (its later arguments decide). */
  pattern: RegExp;
  spansLines?: boolean;
  severity: Severity;
  /** What the call does, from its match (group 1 is usually the table). */
  what: (match: RegExpExecArray) => string;
}

export interface MigrationFramework {
  name: string;
  /** Where the framework keeps its migrations (picomatch globs). */
  paths: string[];
  /** A line that is only a comment. */
  comment: RegExp;
  /** A definition that starts the part of a migration that undoes it, one that starts the part that applies it. */
  down?: RegExp;
  up?: RegExp;
  /** Any other definition (a helper method): after it, which part a line is in is no longer known. */
  definition?: RegExp;
  calls: MigrationCall[];
  /** A call that runs SQL given as text: its string literals are read as SQL. */
  rawSql: RegExp;
  /** A call that runs code of the language itself, which no rule reads (Django's `RunPython`). */
  opaque?: RegExp;
}

/** `before`, the name the call was given (group 1) if any, then `after`. */
const named =
  (before: string, after = '') =>
  (match: RegExpExecArray): string =>
    match[1] ? `${before} \`${match[1]}\`${after}` : `${before}${after}`;

const fixed = (what: string) => (): string => what;

const HASH_COMMENT = /^\s*#/;
/** `//`, a line inside a block comment, or a block comment with nothing after it on the line. */
const C_COMMENT = /^\s*(?:\/\/|\*|\/\*(?:(?!\*\/).)*$|\/\*(?:(?!\*\/).)*\*\/\s*$)/;
const RENAMES = ' (breaks code still using the old name)';

export const MIGRATION_FRAMEWORKS: readonly MigrationFramework[] = [
  {
    name: 'Rails',
    // `db/migrate/`, and the folders of further databases (`db/animals_migrate/`).
    paths: ['**/db/migrate/*.rb', '**/db/*_migrate/*.rb'],
    comment: HASH_COMMENT,
    down: /^\s*def\s+(?:self\.)?down\b/,
    up: /^\s*def\s+(?:self\.)?(?:up|change)\b/,
    definition: /^\s*def\s/,
    calls: [
      { pattern: /\bdrop_table\b\s*\(?\s*:?["']?(\w+)?/, severity: 'critical', what: named('drops table') },
      { pattern: /\bdrop_join_table\b\s*\(?\s*:?["']?(\w+)?/, severity: 'critical', what: named('drops a join table of') },
      { pattern: /\bremove_columns?\b\s*\(?\s*:?["']?(\w+)?/, severity: 'high', what: named('drops a column of') },
      { pattern: /\bremove_(?:reference|references|belongs_to|timestamps)\b\s*\(?\s*:?["']?(\w+)?/, severity: 'high', what: named('drops columns of') },
      // Inside `change_table :orders do |t|`: `t.remove :fax`, `t.change :total, :decimal`, `t.rename :a, :b`.
      { pattern: /\b\w+\.remove(?:_references|_belongs_to|_timestamps)?\s*\(?\s*[:"'](\w+)/, spansLines: true, severity: 'high', what: named('drops column') },
      { pattern: /\b\w+\.change\s*\(?\s*[:"'](\w+)/, spansLines: true, severity: 'high', what: named('changes the type or options of column') },
      { pattern: /\b\w+\.rename\s*\(?\s*[:"'](\w+)/, spansLines: true, severity: 'medium', what: named('renames column', RENAMES) },
      { pattern: /\bchange_column\b\s*\(?\s*:?["']?(\w+)?/, severity: 'high', what: named("changes a column's type or options on") },
      { pattern: /\bchange_column_null\b\s*\(?\s*:?["']?(\w+)[^#]*\bfalse\b/, spansLines: true, severity: 'medium', what: named('sets NOT NULL on a column of') },
      { pattern: /\brename_(?:table|column)\b\s*\(?\s*:?["']?(\w+)?/, severity: 'medium', what: named('renames', RENAMES) },
      { pattern: /\bremove_index\b\s*\(?\s*:?["']?(\w+)?/, severity: 'medium', what: named('drops an index of') },
    ],
    rawSql: /\b(?:execute|exec_query|exec_update|exec_delete)\b/,
  },
  {
    name: 'Django',
    paths: ['**/migrations/[0-9]*.py'],
    comment: HASH_COMMENT,
    calls: [
      { pattern: /\bmigrations\.DeleteModel\s*\((?:\s*name\s*=)?\s*["']?(\w+)?/, spansLines: true, severity: 'critical', what: named('deletes model', ' (drops its table)') },
      { pattern: /\bmigrations\.RemoveField\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, spansLines: true, severity: 'high', what: named('removes a field of', ' (drops its column)') },
      { pattern: /\bmigrations\.AlterField\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, spansLines: true, severity: 'high', what: named('alters a field of', " (its column's type or constraints)") },
      { pattern: /\bmigrations\.Rename(?:Field|Model)\s*\((?:\s*(?:model_name|old_name)\s*=)?\s*["']?(\w+)?/, spansLines: true, severity: 'medium', what: named('renames', RENAMES) },
      { pattern: /\bmigrations\.Remove(?:Index|Constraint)\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, spansLines: true, severity: 'medium', what: named('drops an index or constraint of') },
    ],
    rawSql: /\bmigrations\.RunSQL\b|\bcursor\.execute\b/,
    opaque: /\bmigrations\.RunPython\b/,
  },
  {
    name: 'Alembic',
    paths: ['**/alembic/versions/*.py', '**/migrations/versions/*.py'],
    comment: HASH_COMMENT,
    down: /^\s*def\s+downgrade\b/,
    up: /^\s*def\s+upgrade\b/,
    definition: /^\s*def\s/,
    calls: [
      { pattern: /\bop\.drop_table\s*\(\s*(?:["'](\w+))?/, severity: 'critical', what: named('drops table') },
      { pattern: /\bop\.drop_column\s*\(\s*(?:["'](\w+))?/, severity: 'high', what: named('drops a column of') },
      { pattern: /\bbatch_op\.drop_column\s*\(\s*(?:["'](\w+))?/, severity: 'high', what: named('drops column') },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\btype_\s*=/, spansLines: true, severity: 'high', what: fixed("changes a column's type") },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\bnullable\s*=\s*False\b/, spansLines: true, severity: 'medium', what: fixed('sets NOT NULL on a column') },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\bnew_column_name\s*=/, spansLines: true, severity: 'medium', what: fixed(`renames a column${RENAMES}`) },
      { pattern: /\bop\.rename_table\s*\(\s*(?:["'](\w+))?/, severity: 'medium', what: named('renames table', RENAMES) },
      { pattern: /\b(?:op|batch_op)\.drop_(?:index|constraint)\s*\(\s*(?:["'](\w+))?/, severity: 'medium', what: named('drops an index or constraint') },
    ],
    rawSql: /\b(?:op|conn|connection|bind|session)\.execute\b/,
  },
  {
    name: 'Knex, Sequelize or TypeORM',
    paths: ['**/migrations/**/*.{js,ts,mjs,cjs,mts,cts}', '**/migration/**/*.{js,ts,mjs,cjs,mts,cts}'],
    comment: C_COMMENT,
    // A function value named `down`/`up`: `exports.down = …`, `function down(`, `async down(…) {` (its `{` or
    // parameters may go on below), `down: async (…) =>`; not a call (`down();`) nor a key (`down: 'south'`).
    down: /^\s*(?:(?:module\.)?exports\.down\s*=|(?:export\s+)?(?:async\s+)?function\s+down\b|(?:(?:public|private|protected|static|async|override)\s+)*down\s*(?:\([^)]*\)[^;]*$|\([^)]*$|[:=]\s*(?:async\s*)?(?:function\b|\(|\w+\s*=>)))/,
    up: /^\s*(?:(?:module\.)?exports\.up\s*=|(?:export\s+)?(?:async\s+)?function\s+up\b|(?:(?:public|private|protected|static|async|override)\s+)*up\s*(?:\([^)]*\)[^;]*$|\([^)]*$|[:=]\s*(?:async\s*)?(?:function\b|\(|\w+\s*=>)))/,
    // Any other function or method: a helper after `down` may serve `up`. Matching too much only adds friction.
    definition: /^\s*(?:(?:export\s+)?(?:async\s+)?function\b|(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=|(?:module\.)?exports\.[\w$]+\s*=|(?:(?:public|private|protected|static|async|override)\s+)*(?!(?:if|for|while|switch|catch|return)\b)[A-Za-z_$][\w$]*\s*\((?:[^)]*\)[^;]*|[^)]*)$)/,
    calls: [
      { pattern: /\.drop(?:Table|Schema)(?:IfExists)?\s*\(\s*(?:["'`]([\w.]+))?/, severity: 'critical', what: named('drops table or schema') },
      { pattern: /\.(?:dropAllTables|dropAllSchemas)\s*\(/, severity: 'critical', what: fixed('drops every table') },
      { pattern: /\.clearTable\s*\(\s*(?:["'`]([\w.]+))?/, severity: 'critical', what: named('deletes every row of') },
      { pattern: /\.truncate\s*\(\s*\)/, severity: 'critical', what: fixed('truncates a table') },
      { pattern: /\.bulkDelete\s*\(\s*(?:["'`]([\w.]+))?/, severity: 'high', what: named('deletes rows of') },
      { pattern: /\)\s*\.del(?:ete)?\s*\(\s*\)/, severity: 'high', what: fixed('deletes rows (every row, unless a `where` comes before)') },
      { pattern: /\.(?:dropColumns?|removeColumn|dropTimestamps)\s*\(/, severity: 'high', what: fixed('drops a column') },
      { pattern: /\.(?:changeColumns?|alterColumn)\s*\(|\.alter\s*\(\s*\)/, severity: 'high', what: fixed("changes a column's type or options") },
      { pattern: /\.(?:renameColumn|renameTable)\s*\(/, severity: 'medium', what: fixed(`renames a table or column${RENAMES}`) },
      { pattern: /\.(?:dropIndex|removeIndex|dropForeign|dropPrimary|dropUnique|removeConstraint|dropForeignKey)\s*\(/, severity: 'medium', what: fixed('drops an index or constraint') },
    ],
    rawSql: /\.(?:raw|query)\s*\(/,
  },
  {
    name: 'Laravel',
    paths: ['**/database/migrations/*.php'],
    comment: C_COMMENT,
    down: /\bfunction\s+down\s*\(/,
    up: /\bfunction\s+up\s*\(/,
    definition: /\bfunction\s+\w+\s*\(/,
    calls: [
      { pattern: /Schema::(?:connection\([^)]*\)->)?(?:drop|dropIfExists)\s*\(\s*(?:["'](\w+))?/, severity: 'critical', what: named('drops table') },
      { pattern: /Schema::(?:connection\([^)]*\)->)?dropAllTables\s*\(/, severity: 'critical', what: fixed('drops every table') },
      { pattern: /->truncate\s*\(\s*\)/, severity: 'critical', what: fixed('truncates a table') },
      { pattern: /Schema::(?:connection\([^)]*\)->)?dropColumns?\s*\(\s*(?:["'](\w+))?/, severity: 'high', what: named('drops columns of') },
      { pattern: /->(?:dropColumn|dropTimestamps|dropSoftDeletes|dropMorphs|dropConstrainedForeignId)\s*\(\s*(?:["'](\w+))?/, severity: 'high', what: named('drops column') },
      { pattern: /->change\s*\(\s*\)/, severity: 'high', what: fixed("changes a column's type or options") },
      { pattern: /(?:->renameColumn|Schema::(?:connection\([^)]*\)->)?rename)\s*\(\s*(?:["'](\w+))?/, severity: 'medium', what: named('renames', RENAMES) },
      { pattern: /->drop(?:Index|Unique|Primary|Foreign)\s*\(\s*(?:["'](\w+))?/, severity: 'medium', what: named('drops an index or constraint') },
    ],
    rawSql: /DB::(?:connection\([^)]*\)->)?(?:statement|unprepared|delete|update)\s*\(/,
  },
  {
    name: 'Ecto',
    paths: ['**/priv/repo/migrations/*.exs', '**/priv/*/migrations/*.exs'],
    comment: HASH_COMMENT,
    down: /^\s*def\s+down\b/,
    up: /^\s*def\s+(?:up|change)\b/,
    definition: /^\s*defp?\s/,
    calls: [
      { pattern: /\bdrop(?:_if_exists)?\s*\(?\s*table\s*\(\s*:?["']?(\w+)/, severity: 'critical', what: named('drops table') },
      { pattern: /^\s*remove(?:_if_exists)?\s*\(?\s*:?["']?(\w+)/, spansLines: true, severity: 'high', what: named('drops column') },
      { pattern: /^\s*modify\s*\(?\s*:?["']?(\w+)/, spansLines: true, severity: 'high', what: named('changes the type or options of column') },
      { pattern: /\brename\s*\(?\s*table\s*\(\s*:?["']?(\w+)/, severity: 'medium', what: named('renames', RENAMES) },
      { pattern: /\bdrop(?:_if_exists)?\s*\(?\s*(?:index|constraint)\s*\(\s*:?["']?(\w+)/, severity: 'medium', what: named('drops an index or constraint of') },
    ],
    rawSql: /\bexecute\b|\bquery!?\s*\(/,
  },
];
