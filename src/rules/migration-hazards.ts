/**
 * @module Part of `sql-destructive`: the destructive calls a change adds to a framework's migration file.
 *
 * Only added lines count, as for SQL files. A call is recognised on the line it starts on; the few
 * whose meaning lies in later arguments (Alembic's `alter_column(…, type_=…)`) are read through
 * their closing parenthesis. SQL a migration runs as text (`execute <<~SQL`, `op.execute("…")`,
 * `migrations.RunSQL`, `knex.raw`, `DB::statement`) is read with the SQL lexer, through the end of
 * its heredoc, triple-quoted string or call. A call in the part of a migration that undoes it
 * (`def down`, `downgrade()`) is marked as a rollback; where the lines around a change are unknown
 * (a modified file), a call counts as applying the migration, the side with more friction, and an
 * added line that is itself SQL (inside a heredoc the change did not add) is read as SQL.
 */
import { findDestructiveSql } from '../analyzers/find-destructive-sql.js';
import type { ChangedFile } from '../core/change.js';
import type { Severity } from '../core/finding.js';
import { firstAbove } from '../core/first-above.js';
import { addedRuns } from './added-runs.js';
import { evidenceLine } from './evidence-line.js';
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
/** Characters of a call's SQL read (a migration's SQL is far shorter): a longer call is reported as unread. */
const MAX_SQL_CHARS = 1_000_000;
/** An added line that is SQL itself: it starts with an SQL verb in upper case, or with an unmistakable SQL phrase in any case (not `delete obj.key`). */
const isSqlLine = (line: string): boolean =>
  /^\s*(?:DROP|DELETE|UPDATE|TRUNCATE|ALTER)\b/.test(line) || /^\s*(?:drop\s+table|delete\s+from|truncate\s+table|alter\s+table)\b/i.test(line);

/** The hazards of the calls `file` adds, `framework` being the one whose migration folder holds it. */
export function findMigrationHazards(file: ChangedFile, framework: MigrationFramework): MigrationHazard[] {
  const hazards: MigrationHazard[] = [];
  const patterns = framework.calls.map((call) => ({ ...call, all: new RegExp(call.pattern.source, `${call.pattern.flags}g`) }));
  // A new file is added whole, so the part each line is in is known; elsewhere only within a run.
  const whole = file.status === 'added';
  let section: 'up' | 'down' | undefined;
  for (const run of addedRuns(file)) {
    if (!whole) section = undefined;
    const calls = new CallEnds(run.lines);
    // Lines inside a call whose SQL was read, so an SQL line is not read a second time on its own.
    let readThrough = -1;
    run.lines.forEach((text, index) => {
      if (framework.comment.test(text)) return;
      if (framework.down?.test(text)) section = 'down';
      else if (framework.up?.test(text)) section = 'up';
      // A helper defined after `down` may be called from `up`: which part it serves is unknown.
      else if (framework.definition?.test(text)) section = undefined;
      const where = { line: run.start + index, evidence: evidenceLine(text), rollback: section === 'down' };
      const add = (severity: Severity, message: string): void => void hazards.push({ ...where, severity, message });
      let argumentsText: string | undefined;
      for (const { all, spansLines, severity, what } of patterns) {
        // Read through the call's closing parenthesis where later arguments decide (`type_=…` below).
        const subject = spansLines ? (argumentsText ??= calls.argumentsOf(index)) : text;
        for (const match of subject.matchAll(all)) {
          // A call that starts on a later line is read from its own line.
          if (match.index < text.length) add(severity, `${what(match as RegExpExecArray)} (${framework.name} migration)`);
        }
      }
      if (framework.opaque?.test(text)) add('medium', `runs code of its own that no rule reads (${framework.name} migration): review what it does to data by hand`);
      if (framework.rawSql.test(text)) {
        const { end, complete } = calls.endOf(index);
        readThrough = Math.max(readThrough, end);
        const call = complete ? calls.join(index, end, MAX_SQL_CHARS) : undefined;
        if (call === undefined) return add('high', `runs SQL whose end cannot be found (${framework.name} migration): it cannot be checked`);
        const sql = stringsOf(call);
        if (sql.trim() === '') {
          // Quotes the strings above do not take (`%q{…}`, `~s(…)`, a string left open) hold SQL too.
          if (/["'`]|%[qQ]|~[sS]/.test(text)) add('high', `runs SQL written in a form that is not read (${framework.name} migration): it cannot be checked`);
          else add('medium', `runs SQL that is not written out in the call (${framework.name} migration): it cannot be checked`);
        }
        for (const found of findDestructiveSql(sql)) add(found.wholeData ? 'critical' : 'high', `${found.what} (SQL the ${framework.name} migration runs)`);
        return;
      }
      if (!whole && index > readThrough && isSqlLine(text)) {
        for (const found of findDestructiveSql(text)) add(found.wholeData ? 'critical' : 'high', `${found.what} (an SQL line added to a ${framework.name} migration)`);
      }
    });
  }
  return hazards;
}

/**
 * Where the calls of a run of lines end: through the end of a heredoc (`<<~SQL` … `SQL`) or a
 * triple-quoted string the first line opens, else through the parenthesis that closes its first
 * one (parentheses in string literals left out). What each search needs is worked out once per run,
 * so a file of many calls costs no more than reading it.
 */
class CallEnds {
  #depthChange: Int32Array | undefined;
  readonly #closers = new Map<string, number[]>();
  #firstWords: Map<string, number[]> | undefined;

  constructor(private readonly lines: readonly string[]) {}

  /** The last line of the call starting on `lines[start]`; `complete` is false when its end is not among the lines. */
  endOf(start: number): { end: number; complete: boolean } {
    const first = this.lines[start]!;
    const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1/.exec(first);
    if (heredoc) return this.#after(this.#byFirstWord().get(heredoc[2]!) ?? [], start);
    const triple = /"""|'''/.exec(first);
    // An odd number of triple quotes on the line: the string goes on below it.
    if (triple && first.split(triple[0]).length % 2 === 0) return this.#next(triple[0], start, (line) => line.includes(triple[0]));
    return this.#parenthesisEnd(start);
  }

  /** The call's text through its closing parenthesis; only its first line when that never comes within `MAX_CALL_LINES`. */
  argumentsOf(start: number): string {
    const { end, complete } = this.#parenthesisEnd(start);
    return complete ? this.join(start, end, Infinity)! : this.lines[start]!;
  }

  /** Lines `start` to `end` as one text, or undefined when that is longer than `maxChars`. */
  join(start: number, end: number, maxChars: number): string | undefined {
    let chars = 0;
    for (let at = start; at <= end; at++) if ((chars += this.lines[at]!.length + 1) > maxChars) return undefined;
    return this.lines.slice(start, end + 1).join('\n');
  }

  #parenthesisEnd(start: number): { end: number; complete: boolean } {
    const change = (this.#depthChange ??= Int32Array.from(this.lines, parenthesisChange));
    let depth = 0;
    for (let end = start; end < this.lines.length && end - start < MAX_CALL_LINES; end++) {
      depth += change[end]!;
      if (depth <= 0) return { end, complete: true };
    }
    return { end: Math.min(this.lines.length, start + MAX_CALL_LINES) - 1, complete: false };
  }

  /** The first line after `start` that `closes` (found once per kind of closer). */
  #next(key: string, start: number, closes: (line: string) => boolean): { end: number; complete: boolean } {
    let at = this.#closers.get(key);
    if (!at) this.#closers.set(key, (at = this.lines.flatMap((line, index) => (closes(line) ? [index] : []))));
    return this.#after(at, start);
  }

  /** The lines by the word they start with: where each heredoc name ends its heredoc (PHP's `SQL);` too). */
  #byFirstWord(): Map<string, number[]> {
    if (!this.#firstWords) {
      this.#firstWords = new Map();
      this.lines.forEach((line, index) => {
        const word = /^\s*([A-Za-z_]\w*)/.exec(line)?.[1];
        if (!word) return;
        const found = this.#firstWords!.get(word);
        if (found) found.push(index);
        else this.#firstWords!.set(word, [index]);
      });
    }
    return this.#firstWords;
  }

  /** The first of the ascending line numbers `at` after `start`. */
  #after(at: readonly number[], start: number): { end: number; complete: boolean } {
    const end = firstAbove(at, start);
    return end !== undefined ? { end, complete: true } : { end: this.lines.length - 1, complete: false };
  }
}

/** Parentheses opened minus closed on a line, outside its string literals. */
function parenthesisChange(line: string): number {
  let change = 0;
  for (const char of line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '')) change += char === '(' ? 1 : char === ')' ? -1 : 0;
  return change;
}

/**
 * The string literals of some code, and the body of a heredoc, joined as separate SQL statements.
 * Ruby's and Elixir's `#{…}` interpolation is replaced by a value: read as SQL, its `#` would
 * start a MySQL comment and hide the rest of the statement (its `WHERE`).
 */
function stringsOf(code: string): string {
  const heredoc = /<<[~-]?(["']?)([A-Za-z_]\w*)\1[^\n]*\n([\s\S]*?)(?:\n\s*\2\b|$)/.exec(code);
  const strings = [...code.matchAll(/"""([\s\S]*?)(?:"""|$)|'''([\s\S]*?)(?:'''|$)|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map(
    (match) => match.slice(1).find((group) => group !== undefined) ?? '',
  );
  return [...(heredoc ? [heredoc[3]!] : []), ...strings].join(';\n').replace(/#\{[^}]*\}/g, '0');
}
