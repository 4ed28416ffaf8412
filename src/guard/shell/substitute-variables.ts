/**
 * @module Reads variables the script itself sets: `X=delete; kubectl $X ns orders` runs
 * `kubectl delete ns orders`, so that is what is judged.
 */
import { literalWord, makeWord } from './decode-word.js';
import type { ShellAssignment, ShellWord, WordPart } from './shell-syntax.js';

/** Most readings one command gets from variables set to several values. */
const MAX_READINGS = 4;

/**
 * The literal values each variable of an assignment list is set to (`null`: set to something
 * computed), worked out once per list: a script's list is shared by all its commands, and reading
 * it again for every command grew with their product (30,000 commands: 7 s).
 */
const valuesByList = new WeakMap<readonly ShellAssignment[], Map<string, string[] | null>>();

function literalValues(assignments: readonly ShellAssignment[]): Map<string, string[] | null> {
  let values = valuesByList.get(assignments);
  if (values) return values;
  const sets = new Map<string, Set<string> | null>();
  for (const assignment of assignments) {
    const set = sets.get(assignment.name);
    if (set === null) continue;
    if (!assignment.value.literal) sets.set(assignment.name, null);
    else if (set) set.add(assignment.value.value);
    else sets.set(assignment.name, new Set([assignment.value.value]));
  }
  values = new Map([...sets].map(([name, set]) => [name, set && [...set]]));
  valuesByList.set(assignments, values);
  return values;
}

/**
 * The readings of `words` with every variable the script sets to literal text replaced by it. A
 * variable set to several values gives one reading per value (up to {@link MAX_READINGS} in all);
 * one set to a computed value, or not set in the script, stays as it is (the rules see it as
 * unknown). A word that is a single variable is split at blanks, as bash splits an unquoted one.
 * Returns `[words]` itself when nothing is replaced.
 */
export function substituteVariables(words: ShellWord[], assignments: readonly ShellAssignment[]): ShellWord[][] {
  const names = new Set(words.flatMap((word) => word.parts.flatMap((part) => (part.kind === 'variable' ? [part.name] : []))));
  if (names.size === 0 || assignments.length === 0) return [words];
  const values = literalValues(assignments);
  const known = new Map<string, string[]>();
  for (const name of names) {
    const set = values.get(name);
    if (set) known.set(name, set);
  }
  if (known.size === 0) return [words];
  let choices: Map<string, string>[] = [new Map()];
  for (const [name, options] of known) {
    choices = choices.flatMap((choice) => options.map((value) => new Map([...choice, [name, value]])));
    if (choices.length > MAX_READINGS) return [words];
  }
  return choices.map((choice) => words.flatMap((word) => substituteWord(word, choice)));
}

function substituteWord(word: ShellWord, values: ReadonlyMap<string, string>): ShellWord[] {
  if (!word.parts.some((part) => part.kind === 'variable' && values.has(part.name))) return [word];
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.kind === 'variable') {
    const value = values.get(only.name)!;
    return value.split(/[ \t\n]+/).filter(Boolean).map((piece) => literalWord(piece));
  }
  const parts: WordPart[] = word.parts.map((part) =>
    part.kind === 'variable' && values.has(part.name) ? { kind: 'text', text: values.get(part.name)!, quoted: true } : part,
  );
  return [makeWord(parts)];
}
