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
  pattern: RegExp;
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
  /** A line that starts the part of a migration that undoes it, and one that starts the part that applies it. */
  down?: RegExp;
  up?: RegExp;
  calls: MigrationCall[];
  /** A call that runs SQL given as text: its string literals are read as SQL. */
  rawSql: RegExp;
}

/** `before`, the name the call was given (group 1) if any, then `after`. */
const named =
  (before: string, after = '') =>
  (match: RegExpExecArray): string =>
    match[1] ? `${before} \`${match[1]}\`${after}` : `${before}${after}`;

const RUBY_COMMENT = /^\s*#/;
const C_COMMENT = /^\s*(?:\/\/|\/\*|\*)/;

export const MIGRATION_FRAMEWORKS: readonly MigrationFramework[] = [
  {
    name: 'Rails',
    paths: ['**/db/migrate/*.rb'],
    comment: RUBY_COMMENT,
    down: /^\s*def\s+(?:self\.)?down\b/,
    up: /^\s*def\s+(?:self\.)?(?:up|change)\b/,
    calls: [
      { pattern: /\bdrop_table\s*\(?\s*:?["']?(\w+)/, severity: 'critical', what: named('drops table') },
      { pattern: /\bdrop_join_table\b/, severity: 'critical', what: () => 'drops a join table' },
      { pattern: /\bremove_columns?\s*\(?\s*:?["']?(\w+)/, severity: 'high', what: named('drops a column of') },
      { pattern: /\bremove_(?:reference|references|belongs_to|timestamps)\s*\(?\s*:?["']?(\w+)/, severity: 'high', what: named('drops columns of') },
      { pattern: /\bt\.remove(?:_references|_belongs_to|_timestamps)?\b/, severity: 'high', what: () => 'drops a column (`change_table`)' },
      { pattern: /\bchange_column\s*\(?\s*:?["']?(\w+)/, severity: 'high', what: named("changes a column's type or options on") },
      { pattern: /\bchange_column_null\s*\(?\s*:?["']?(\w+)[^#]*\bfalse\b/, severity: 'medium', what: named('sets NOT NULL on a column of') },
      { pattern: /\brename_(?:table|column)\s*\(?\s*:?["']?(\w+)/, severity: 'medium', what: named('renames', ' (breaks code still using the old name)') },
      { pattern: /\bremove_index\s*\(?\s*:?["']?(\w+)/, severity: 'medium', what: named('drops an index of') },
    ],
    rawSql: /\bexecute\b/,
  },
  {
    name: 'Django',
    paths: ['**/migrations/[0-9]*.py'],
    comment: RUBY_COMMENT,
    calls: [
      { pattern: /\bmigrations\.DeleteModel\s*\((?:\s*name\s*=)?\s*["']?(\w+)?/, severity: 'critical', what: named('deletes model', ' (drops its table)') },
      { pattern: /\bmigrations\.RemoveField\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, severity: 'high', what: named('removes a field of', ' (drops its column)') },
      { pattern: /\bmigrations\.AlterField\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, severity: 'high', what: named('alters a field of', " (its column's type or constraints)") },
      { pattern: /\bmigrations\.Rename(?:Field|Model)\s*\((?:\s*(?:model_name|old_name)\s*=)?\s*["']?(\w+)?/, severity: 'medium', what: named('renames', ' (breaks code still using the old name)') },
      { pattern: /\bmigrations\.Remove(?:Index|Constraint)\s*\((?:\s*model_name\s*=)?\s*["']?(\w+)?/, severity: 'medium', what: named('drops an index or constraint of') },
    ],
    rawSql: /\bmigrations\.RunSQL\b/,
  },
  {
    name: 'Alembic',
    paths: ['**/alembic/versions/*.py', '**/migrations/versions/*.py'],
    comment: RUBY_COMMENT,
    down: /^\s*def\s+downgrade\b/,
    up: /^\s*def\s+upgrade\b/,
    calls: [
      { pattern: /\bop\.drop_table\s*\(\s*["']?(\w+)?/, severity: 'critical', what: named('drops table') },
      { pattern: /\b(?:op|batch_op)\.drop_column\s*\(\s*["']?(\w+)?/, severity: 'high', what: named('drops a column of') },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\btype_\s*=/, severity: 'high', what: () => "changes a column's type" },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\bnullable\s*=\s*False\b/, severity: 'medium', what: () => 'sets NOT NULL on a column' },
      { pattern: /\b(?:op|batch_op)\.alter_column\s*\([\s\S]*?\bnew_column_name\s*=/, severity: 'medium', what: () => 'renames a column (breaks code still using the old name)' },
      { pattern: /\bop\.rename_table\s*\(\s*["']?(\w+)?/, severity: 'medium', what: named('renames table', ' (breaks code still using the old name)') },
      { pattern: /\b(?:op|batch_op)\.drop_(?:index|constraint)\s*\(\s*["']?(\w+)?/, severity: 'medium', what: named('drops an index or constraint') },
    ],
    rawSql: /\bop\.execute\b/,
  },
  {
    name: 'Knex, Sequelize or TypeORM',
    paths: ['**/migrations/**/*.{js,ts,mjs,cjs,mts,cts}', '**/migration/**/*.{js,ts,mjs,cjs,mts,cts}'],
    comment: C_COMMENT,
    down: /(?:^|\W)(?:exports\.down|async\s+down\s*\(|down\s*\(|down\s*:|down\s*=)/,
    up: /(?:^|\W)(?:exports\.up|async\s+up\s*\(|up\s*\(|up\s*:|up\s*=)/,
    calls: [
      { pattern: /\.drop(?:Table|Schema)(?:IfExists)?\s*\(\s*["'`]?([\w.]+)?/, severity: 'critical', what: named('drops table or schema') },
      { pattern: /\.(?:dropAllTables|dropAllSchemas)\s*\(/, severity: 'critical', what: () => 'drops every table' },
      { pattern: /\.clearTable\s*\(\s*["'`]?([\w.]+)?/, severity: 'critical', what: named('deletes every row of') },
      { pattern: /\.bulkDelete\s*\(\s*["'`]?([\w.]+)?/, severity: 'high', what: named('deletes rows of') },
      { pattern: /\.(?:dropColumns?|removeColumn|dropTimestamps)\s*\(\s*["'`]?([\w.]+)?/, severity: 'high', what: named('drops a column') },
      { pattern: /\.(?:changeColumns?|alterColumn)\s*\(\s*["'`]?([\w.]+)?|\.alter\s*\(\s*\)/, severity: 'high', what: named("changes a column's type or options") },
      { pattern: /\.(?:renameColumn|renameTable)\s*\(\s*["'`]?([\w.]+)?/, severity: 'medium', what: named('renames', ' (breaks code still using the old name)') },
      { pattern: /\.(?:dropIndex|removeIndex|dropForeign|dropPrimary|dropUnique|removeConstraint|dropForeignKey)\s*\(\s*["'`]?([\w.]+)?/, severity: 'medium', what: named('drops an index or constraint') },
    ],
    rawSql: /\.(?:raw|query)\s*\(/,
  },
  {
    name: 'Laravel',
    paths: ['**/database/migrations/*.php'],
    comment: C_COMMENT,
    down: /\bfunction\s+down\s*\(/,
    up: /\bfunction\s+up\s*\(/,
    calls: [
      { pattern: /Schema::(?:drop|dropIfExists)\s*\(\s*["']?(\w+)?/, severity: 'critical', what: named('drops table') },
      { pattern: /Schema::dropAllTables\s*\(/, severity: 'critical', what: () => 'drops every table' },
      { pattern: /->(?:dropColumn|dropTimestamps|dropSoftDeletes|dropMorphs|dropConstrainedForeignId)\s*\(\s*["']?(\w+)?/, severity: 'high', what: named('drops a column') },
      { pattern: /->change\s*\(\s*\)/, severity: 'high', what: () => "changes a column's type or options" },
      { pattern: /(?:->renameColumn|Schema::rename)\s*\(\s*["']?(\w+)?/, severity: 'medium', what: named('renames', ' (breaks code still using the old name)') },
      { pattern: /->drop(?:Index|Unique|Primary|Foreign)\s*\(\s*["']?(\w+)?/, severity: 'medium', what: named('drops an index or constraint') },
    ],
    rawSql: /DB::(?:statement|unprepared)\s*\(/,
  },
  {
    name: 'Ecto',
    paths: ['**/priv/repo/migrations/*.exs', '**/priv/*/migrations/*.exs'],
    comment: RUBY_COMMENT,
    down: /^\s*def\s+down\b/,
    up: /^\s*def\s+(?:up|change)\b/,
    calls: [
      { pattern: /\bdrop(?:_if_exists)?\s*\(?\s*table\s*\(\s*:?["']?(\w+)/, severity: 'critical', what: named('drops table') },
      { pattern: /^\s*remove(?:_if_exists)?\s*\(?\s*:?["']?(\w+)/, severity: 'high', what: named('drops column') },
      { pattern: /^\s*modify\s*\(?\s*:?["']?(\w+)/, severity: 'high', what: named("changes the type or options of column") },
      { pattern: /\brename\s*\(?\s*table\s*\(\s*:?["']?(\w+)/, severity: 'medium', what: named('renames', ' (breaks code still using the old name)') },
      { pattern: /\bdrop(?:_if_exists)?\s*\(?\s*(?:index|constraint)\s*\(\s*:?["']?(\w+)/, severity: 'medium', what: named('drops an index or constraint of') },
    ],
    rawSql: /\bexecute\b/,
  },
];
