/**
 * @module Part of `sql-destructive`: the destructive calls a change adds to a framework's migration file.
 *
 * Only added lines count, as for SQL files. A call may span lines (`op.alter_column('t', 'c',` then
 * `type_=…)` on the next): each call is read from the line it starts on to its closing parenthesis.
 * SQL a migration runs as text (`execute <<~SQL`, `op.execute("…")`, `migrations.RunSQL`,
 * `knex.raw`, `DB::statement`) is read with the SQL lexer. A call in the part of a migration that
 * undoes it (`def down`, `downgrade()`) is marked as a rollback; where the lines around a change are
 * unknown (a modified file), a call counts as applying the migration, the side with more friction.
 */
import { findDestructiveSql } from '../analyzers/find-destructive-sql.js';
import type { ChangedFile } from '../core/change.js';
import type { Severity } from '../core/finding.js';
import { addedRuns } from './added-runs.js';
import type { MigrationFramework } from './migration-frameworks.js';

export interface MigrationHazard {
  line: number;
  severity: Severity;
  message: string;
  /** The line the call starts on. */
  evidence: string;
  /** In the part of the migration that undoes it. */
  rollback: boolean;
}

/** Lines a call in parentheses may span before it is taken as never closed (a parenthesis opened by mistake). */
const MAX_CALL_LINES = 200;
const MAX_EVIDENCE = 160;

/** The hazards of the calls `file` adds, `framework` being the one whose migration folder holds it. */
export function findMigrationHazards(file: ChangedFile, framework: MigrationFramework): MigrationHazard[] {
  const hazards: MigrationHazard[] = [];
  const calls = framework.calls.map((call) => ({ ...call, all: new RegExp(call.pattern.source, `${call.pattern.flags}g`) }));
  // A new file is added whole, so the part each line is in is known; elsewhere only within a run.
  const whole = file.status === 'added';
  let section: 'up' | 'down' | undefined;
  for (const run of addedRuns(file)) {
    if (!whole) section = undefined;
    run.lines.forEach((text, index) => {
      if (framework.comment.test(text)) return;
      if (framework.down?.test(text)) section = 'down';
      else if (framework.up?.test(text)) section = 'up';
      // A helper defined after `down` may be called from `up`: which part it serves is unknown.
      else if (framework.definition?.test(text)) section = undefined;
      const where = { line: run.start + index, evidence: oneLine(text), rollback: section === 'down' };
      const call = callText(run.lines, index);
      for (const { all, severity, what } of calls) {
        for (const match of call.text.matchAll(all)) {
          // A call that starts on a later line is read from its own line.
          if (match.index < text.length) hazards.push({ ...where, severity, message: `${what(match as RegExpExecArray)} (${framework.name} migration)` });
        }
      }
      if (framework.opaque?.test(text)) {
        hazards.push({ ...where, severity: 'medium', message: `runs code of its own that no rule reads (${framework.name} migration): review what it does to data by hand` });
      }
      if (!framework.rawSql.test(text)) return;
      const sql = stringsOf(call.text);
      if (!call.complete) {
        hazards.push({ ...where, severity: 'high', message: `runs SQL whose end cannot be found (${framework.name} migration): it cannot be checked` });
      } else if (sql.trim() === '') {
        hazards.push({ ...where, severity: 'medium', message: `runs SQL that is not written out in the call (${framework.name} migration): it cannot be checked` });
      }
      for (const found of findDestructiveSql(sql)) {
        hazards.push({ ...where, severity: found.wholeData ? 'critical' : 'high', message: `${found.what} (SQL the ${framework.name} migration runs)` });
      }
    });
  }
  return hazards;
}

/**
 * The text of the call starting on `lines[start]`: through the end of a heredoc (`<<~SQL` … `SQL`)
 * or a triple-quoted string it opens, else through the parenthesis that closes its first one.
 * `complete` is false when that end is not among the lines.
 */
function callText(lines: readonly string[], start: number): { text: string; complete: boolean } {
  const first = lines[start]!;
  const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1/.exec(first);
  const triple = /"""|'''/.exec(first);
  const through = (end: number, complete: boolean): { text: string; complete: boolean } => ({ text: lines.slice(start, end + 1).join('\n'), complete });
  if (heredoc) {
    for (let end = start + 1; end < lines.length; end++) if (lines[end]!.trim() === heredoc[2]) return through(end, true);
    return through(lines.length - 1, false);
  }
  // An odd number of triple quotes on the line: the string goes on below it.
  if (triple && first.split(triple[0]).length % 2 === 0) {
    for (let end = start + 1; end < lines.length; end++) if (lines[end]!.includes(triple[0])) return through(end, true);
    return through(lines.length - 1, false);
  }
  let depth = 0;
  for (let end = start; end < lines.length && end - start < MAX_CALL_LINES; end++) {
    for (const char of lines[end]!) depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth <= 0) return through(end, true);
  }
  return through(Math.min(lines.length, start + MAX_CALL_LINES) - 1, false);
}

/**
 * The string literals of some code, and the body of a heredoc, joined as separate SQL statements.
 * Ruby's and Elixir's `#{…}` interpolation is replaced by a value: read as SQL, its `#` would
 * start a MySQL comment and hide the rest of the statement (its `WHERE`).
 */
function stringsOf(code: string): string {
  const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1[^\n]*\n([\s\S]*?)(?:\n\s*\2\s*$|$)/.exec(code);
  const strings = [...code.matchAll(/"""([\s\S]*?)(?:"""|$)|'''([\s\S]*?)(?:'''|$)|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map(
    (match) => match.slice(1).find((group) => group !== undefined) ?? '',
  );
  return [...(heredoc ? [heredoc[3]!] : []), ...strings].join(';\n').replace(/#\{[^}]*\}/g, '0');
}

function oneLine(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > MAX_EVIDENCE ? `${flat.slice(0, MAX_EVIDENCE - 1)}…` : flat;
}
