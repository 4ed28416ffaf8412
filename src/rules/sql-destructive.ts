/**
 * @module Rule `sql-destructive`: destructive statements in SQL files, found with the PostgreSQL grammar.
 *
 * Only statements the change adds count: the whole file when it is new (or renamed or copied);
 * when it is modified, the statements with an added line or a removed line inside them. SQL that cannot be parsed is a
 * finding, never a pass, and does not hide the statements around it; a statement that does not parse
 * but reads like a destructive one (another dialect's `DROP TABLE`) is rated as what it reads like.
 * Migrations written in a framework's own language (Rails, Django, Alembic, Knex/Sequelize/TypeORM,
 * Laravel, Ecto) are read for the destructive calls they add (`migration-frameworks.ts`).
 */
import * as z from 'zod';
import { parseSqlStatements, type SqlStatement, type SqlSyntaxError } from '../analyzers/sql-statements.js';
import type { Artifact, ChangedFile } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { firstAbove } from '../core/first-above.js';
import { addedRuns } from './added-runs.js';
import { evidenceLine } from './evidence-line.js';
import { MIGRATION_FRAMEWORKS, type MigrationFramework } from './migration-frameworks.js';
import { findMigrationHazards } from './migration-hazards.js';
import { compilePathGlobs } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import { findDestructiveSql } from '../analyzers/find-destructive-sql.js';
import { classifyStatement } from './sql-hazards.js';

const ID = 'sql-destructive';

const settingsSchema = z.strictObject({
  /** The SQL dialect of migrations; only `postgresql` is understood today. */
  dialect: z.literal('postgresql').default('postgresql'),
  /**
   * Rollback ("down") migrations: reported at `low`, since they run only to undo a deploy. Not
   * `*_down.sql` by default: forward migrations are named `…_tear_down.sql` or `…_scale_down.sql` too.
   */
  rollbackPaths: z.array(z.string().min(1)).default(['**/*.down.sql', '**/down.sql', '**/rollback/**', '**/rollbacks/**']),
});


export const sqlDestructiveRule: BuiltinRule = {
  id: ID,
  description: 'DROP/TRUNCATE, DELETE or UPDATE without WHERE, column drops and type changes, unsafe NOT NULL: SQL files and framework migrations',
  settingsSchema,
  async evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const isRollback = compilePathGlobs(settings.rollbackPaths);
    const files = new Map(input.change.files.map((file) => [file.path, file]));
    for (const artifact of input.change.artifacts) {
      if (artifact.kind !== 'sql') continue;
      const found = await evaluateSqlArtifact(artifact, artifact.external ? undefined : files.get(artifact.path));
      findings.push(...(isRollback(artifact.path) ? found.map(asRollback) : found));
    }
    const frameworkOf = migrationFrameworkMatcher();
    for (const file of input.change.files) {
      const framework = file.status === 'deleted' ? undefined : frameworkOf(file.path);
      if (!framework) continue;
      if (file.status === 'renamed' || file.status === 'copied') {
        // Renamed into place, renumbered or re-enabled, a migration runs again, every line of it.
        findings.push({
          rule: ID,
          severity: 'high',
          file: file.path,
          message: `a ${framework.name} migration ${file.status} into place runs again, whole, and only its changed lines were read`,
          remediation: 'read the whole migration for destructive calls before it runs again',
        });
      }
      for (const hazard of findMigrationHazards(file, framework)) {
        const finding: Finding = { rule: ID, severity: hazard.severity, file: file.path, line: hazard.line, message: hazard.message, evidence: hazard.evidence, remediation: remediationFor(hazard.severity) };
        findings.push(hazard.rollback || isRollback(file.path) ? asRollback(finding) : finding);
      }
    }
    return findings;
  },
};

/** Every migration framework's folder holds `migrat…` or `…/versions/` in its path: other paths are passed over at once. */
const MAYBE_MIGRATION = /migrat|\/versions\//;

/** The framework whose migration folder holds a path, if any. */
function migrationFrameworkMatcher(): (path: string) => MigrationFramework | undefined {
  const frameworks = MIGRATION_FRAMEWORKS.map((framework) => ({ framework, holds: compilePathGlobs(framework.paths) }));
  return (path) => (MAYBE_MIGRATION.test(path) ? frameworks.find(({ holds }) => holds(path))?.framework : undefined);
}

const REMEDIATION = 'only PostgreSQL syntax is understood; a file in another dialect needs a careful human review';

async function evaluateSqlArtifact(artifact: Artifact, file: ChangedFile | undefined): Promise<Finding[]> {
  if (artifact.unreadable === 'incomplete' && file) return evaluateAddedRuns(artifact.path, file);
  if (artifact.unreadable) {
    return [{ rule: ID, severity: 'high', message: `cannot read SQL: its content could not be loaded (${artifact.unreadable})`, file: artifact.path, remediation: REMEDIATION }];
  }
  if (artifact.content === undefined) return []; // the file was deleted; a deleted migration runs nothing
  const parsed = await parseSqlStatements(artifact.content);
  const findings = parseErrors(artifact.path, parsed.errors, 0, '');
  const edits = editedLines(file);
  const touchedSpan = (span: { line: number; endLine: number }): boolean => {
    if (!edits) return true;
    for (let line = span.line; line <= span.endLine; line++) if (edits.added.has(line)) return true;
    // Removing a line inside a statement changes it too (a dropped `WHERE` turns a DELETE into "delete all").
    const next = firstAbove(edits.removedAt, span.line);
    return next !== undefined && next <= span.endLine;
  };
  // Any edit inside a DO block can change what its statements do: a removed `IF false THEN` or
  // `RETURN;` runs the statement after it.
  const touched = (statement: SqlStatement): boolean => touchedSpan(statement.kind === 'statement' && statement.block ? statement.block : statement);
  // Statements around a syntax error still count: an error must not hide a DROP TABLE next to it.
  // Nor does the error hide what its own statement seems to do (a DROP TABLE in another dialect).
  const unparsed = parsed.errors.flatMap((error) => (error.statement && touchedSpan(error.statement) ? unparsedFindings(artifact.path, error, 0) : []));
  return [...findings, ...unparsed, ...parsed.statements.filter(touched).flatMap((statement) => statementFindings(artifact.path, statement, 0))];
}

/**
 * Patch input carries only the changed lines of a modified file: parse each run of consecutive
 * added lines on its own. A run that is not whole statements cannot be parsed and is reported.
 */
async function evaluateAddedRuns(path: string, file: ChangedFile): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Removing a line (a `WHERE`, a guard) can make a statement destructive, and without the whole
  // file there is no statement to check: say so instead of passing it.
  const firstRemoved = file.hunks.find((hunk) => hunk.removed.length > 0)?.removed[0];
  if (firstRemoved) {
    findings.push({
      rule: ID,
      severity: 'high',
      file: path,
      line: firstRemoved.line,
      message: 'lines were removed from this SQL file and only the changed lines are known: cannot check what the statements now do',
      remediation: 'check the range in the repository (`--base/--head`) so the whole file can be parsed',
    });
  }
  for (const run of addedRuns(file)) {
    const parsed = await parseSqlStatements(run.lines.join('\n'));
    findings.push(...parseErrors(path, parsed.errors, run.start - 1, ' (only the changed lines are known)'));
    for (const error of parsed.errors) findings.push(...unparsedFindings(path, error, run.start - 1));
    for (const statement of parsed.statements) findings.push(...statementFindings(path, statement, run.start - 1));
  }
  return findings;
}

function statementFindings(file: string, statement: SqlStatement, lineOffset: number): Finding[] {
  const where = { rule: ID, file, line: statement.line + lineOffset };
  if (statement.kind === 'dynamic') {
    return [{ ...where, severity: 'medium', message: 'DO block runs dynamic SQL (`EXECUTE`) that cannot be checked', remediation: 'review the statements it builds by hand' }];
  }
  if (statement.kind === 'opaque') return [{ ...where, severity: 'high', message: `cannot parse DO block: ${statement.reason}`, remediation: REMEDIATION }];
  return classifyStatement(statement.node).map((hazard) => ({
    ...where,
    severity: hazard.severity,
    message: statement.inDoBlock ? `${hazard.message} (inside a DO block)` : hazard.message,
    evidence: evidenceLine(statement.text),
    remediation: remediationFor(hazard.severity),
  }));
}

/**
 * What the statement of a syntax error seems to do, read word by word (`find-destructive-sql.ts`),
 * when that is worse than "cannot parse": a statement in another dialect (MySQL's backquoted
 * `DROP TABLE`) would otherwise get less friction than the same statement in PostgreSQL syntax,
 * though a database of its dialect runs it. Words only add friction: a statement that reads as
 * harmless stays "cannot parse".
 */
function unparsedFindings(file: string, error: SqlSyntaxError, lineOffset: number): Finding[] {
  const { statement } = error;
  if (!statement) return [];
  const byWhat = new Map(findDestructiveSql(statement.text).map((hazard) => [hazard.what, { hazard, line: statement.line }]));
  // As another dialect delimits it, the statement may read differently (a `\'` in a MySQL string).
  const { wider } = statement;
  for (const hazard of wider ? findDestructiveSql(wider.text) : []) if (!byWhat.has(hazard.what)) byWhat.set(hazard.what, { hazard, line: wider!.line });
  return [...byWhat.values()].map(({ hazard: found, line }): Finding => {
    const severity = found.wholeData ? 'critical' : 'high';
    return {
      rule: ID,
      severity,
      file,
      line: line + lineOffset,
      message: `${found.what}, as far as its words tell: ${statement.rest ? 'the SQL from here on was not parsed (too many syntax errors)' : 'the statement does not parse as PostgreSQL'}, so it is rated as what it reads like`,
      evidence: evidenceLine(statement.text),
      remediation: remediationFor(severity),
    };
  });
}

/** One finding for a file's syntax errors: the first, and how many more there are. */
function parseErrors(file: string, errors: readonly SqlSyntaxError[], lineOffset: number, note: string): Finding[] {
  const first = errors[0];
  if (!first) return [];
  const line = first.line + lineOffset;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more syntax errors)` : '';
  return [{ rule: ID, severity: 'high', message: `cannot parse SQL at line ${line}: ${first.message}${note}${more}`, file, line, remediation: REMEDIATION }];
}

/**
 * What a modification changed, in head line numbers: the lines it added, and (ascending) for each
 * removed line the head line that now follows the removal. `undefined` when the whole file counts:
 * it is new, or new at this path (renamed or copied: a migration moved into the migrations folder,
 * renumbered or re-enabled runs again, every statement of it).
 */
function editedLines(file: ChangedFile | undefined): { added: Set<number>; removedAt: number[] } | undefined {
  if (!file || file.status === 'added' || file.status === 'renamed' || file.status === 'copied') return undefined;
  const added = new Set<number>();
  const removedAt: number[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.added) added.add(line.line);
    // Walk removed lines in order, counting the added lines that come before each in the hunk:
    // an added line comes first when its head number is below where the removal now sits.
    let addedBefore = 0;
    hunk.removed.forEach((line, removedBefore) => {
      const withoutAdds = hunk.newStart + (line.line - hunk.oldStart - removedBefore);
      while (addedBefore < hunk.added.length && hunk.added[addedBefore]!.line < withoutAdds + addedBefore) addedBefore++;
      removedAt.push(withoutAdds + addedBefore);
    });
  }
  return { added, removedAt: removedAt.sort((x, y) => x - y) };
}

function asRollback(finding: Finding): Finding {
  if (finding.message.startsWith('cannot ')) return finding; // unreadable stays unreadable
  return { ...finding, severity: 'low', message: `rollback migration ${finding.message}` };
}

function remediationFor(severity: string): string {
  if (severity === 'critical') return 'take and verify a backup first, and prefer an expand/contract migration (stop using it, deploy, then drop in a later change)';
  if (severity === 'high') return 'copy the data first or use an expand/contract migration (add the new column, backfill, switch readers, then drop)';
  return 'add a DEFAULT or backfill first, and check the lock time on a production-sized copy';
}
