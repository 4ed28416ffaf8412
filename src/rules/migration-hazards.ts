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

/** Lines a call may span before it is read as ending (a parenthesis left open by mistake). */
const MAX_CALL_LINES = 20;
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
      if (framework.down?.test(text)) section = 'down';
      else if (framework.up?.test(text)) section = 'up';
      if (framework.comment.test(text)) return;
      const where = { line: run.start + index, evidence: oneLine(text), rollback: section === 'down' };
      const call = callText(run.lines, index);
      for (const { all, severity, what } of calls) {
        for (const match of call.matchAll(all)) {
          // A call that starts on a later line is read from its own line.
          if (match.index < text.length) hazards.push({ ...where, severity, message: `${what(match as RegExpExecArray)} (${framework.name} migration)` });
        }
      }
      if (!framework.rawSql.test(text)) return;
      for (const found of findDestructiveSql(stringsOf(call))) {
        hazards.push({ ...where, severity: found.wholeData ? 'critical' : 'high', message: `${found.what} (SQL the ${framework.name} migration runs)` });
      }
    });
  }
  return hazards;
}

/**
 * The text of the call starting on `lines[start]`: through the end of a heredoc (`<<~SQL` … `SQL`)
 * or a triple-quoted string it opens, else through the parenthesis that closes its first one.
 */
function callText(lines: readonly string[], start: number): string {
  const first = lines[start]!;
  const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1/.exec(first);
  const triple = /"""|'''/.exec(first);
  let end = start;
  if (heredoc) {
    while (end + 1 < lines.length && end - start < MAX_CALL_LINES && lines[end]!.trim() !== heredoc[2]) end++;
  } else if (triple && first.split(triple[0]).length % 2 === 0) {
    // An odd number of triple quotes on the line: the string goes on below it.
    while (end + 1 < lines.length && end - start < MAX_CALL_LINES && !lines[end + 1]!.includes(triple[0])) end++;
    end = Math.min(end + 1, lines.length - 1);
  } else {
    let depth = 0;
    for (let at = start; at < lines.length && at - start < MAX_CALL_LINES; at++) {
      for (const char of lines[at]!) depth += char === '(' ? 1 : char === ')' ? -1 : 0;
      end = at;
      if (depth <= 0) break;
    }
  }
  return lines.slice(start, end + 1).join('\n');
}

/** The string literals of some code, and the body of a heredoc, joined as separate SQL statements. */
function stringsOf(code: string): string {
  const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1[^\n]*\n([\s\S]*?)(?:\n\s*\2\s*$|$)/.exec(code);
  const strings = [...code.matchAll(/"""([\s\S]*?)(?:"""|$)|'''([\s\S]*?)(?:'''|$)|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map(
    (match) => match.slice(1).find((group) => group !== undefined) ?? '',
  );
  return [...(heredoc ? [heredoc[3]!] : []), ...strings].join(';\n');
}

function oneLine(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > MAX_EVIDENCE ? `${flat.slice(0, MAX_EVIDENCE - 1)}…` : flat;
}
