/**
 * @module Commands that make code run which the guard does not read: a makefile from standard input
 * or `--eval`, PowerShell, a builtin loaded from a shared object, and alias or hashed-path
 * definitions whose name is only known at run time (`command-aliases.ts` follows the others).
 * Each is a step the guard cannot follow, so a person decides.
 */
import { parseArguments } from './parse-arguments.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

const FINAL: UnwrapStep = { kind: 'final' };
const STDIN_FILES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** `make -f -`, `make -f <(…)`, `make --eval='…'`: a makefile written on the spot. A makefile on disk is the repository's. */
export function unwrapMake(name: string, args: readonly ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, {
    shortWithValue: 'fCIjlWo',
    longWithValue: ['file', 'makefile', 'directory', 'include-dir', 'jobs', 'load-average', 'what-if', 'new-file', 'assume-new', 'old-file', 'assume-old', 'eval'],
  });
  if (parsed.flags.has('--eval')) return { kind: 'uncertain', reason: `\`${name} --eval\` runs makefile text, which the guard does not read` };
  const files = ['-f', '--file', '--makefile'].flatMap((option) => parsed.valueWords.get(option) ?? []);
  const values = ['-f', '--file', '--makefile'].flatMap((option) => parsed.values.get(option) ?? []);
  if (files.some((word) => !word.literal) || values.some((value) => STDIN_FILES.has(value))) {
    return { kind: 'uncertain', reason: `\`${name} -f\` runs a makefile read from standard input or made at run time, which the guard does not read` };
  }
  return FINAL;
}

/** Options of `pwsh`/`powershell` that run code, and what only prints. */
const POWERSHELL_CODE = /^[-/](?:c|command|e|ec|encodedcommand|f|file|cwa|commandwithargs)$/i;
const POWERSHELL_QUERY = /^[-/](?:v|version|\?|h|help)$/i;

/** PowerShell runs code in its own language: commands, script files, or standard input. */
export function unwrapPowerShell(name: string, args: readonly ShellWord[]): UnwrapStep {
  if (args.some((word) => POWERSHELL_QUERY.test(word.value)) && !args.some((word) => POWERSHELL_CODE.test(word.value))) return FINAL;
  return { kind: 'uncertain', reason: `\`${name}\` runs PowerShell code, which the guard does not read` };
}

/** `enable -f lib.so name` replaces a command with a builtin from a shared object. */
export function unwrapEnable(args: readonly ShellWord[]): UnwrapStep {
  return args.some((word) => /^-[a-z]*f/.test(word.value)) ? { kind: 'uncertain', reason: '`enable -f` loads a builtin from a shared object, which the guard does not read' } : FINAL;
}

/** `alias "$N"=…`, `hash -p /bin/rm "$N"`: a name that runs something else, only known at run time. */
export function unwrapNameDefinition(name: 'alias' | 'hash', args: readonly ShellWord[]): UnwrapStep {
  const computed =
    name === 'alias'
      ? args.some((word) => !word.literal && !/^[^=\s/$`"'\\\uFFFD]+=/.test(word.value))
      : args.some((word, index) => /^-[a-z]*p[a-z]*$/.test(word.value) && args.slice(index + 2).some((hashed) => !hashed.literal));
  return computed ? { kind: 'uncertain', reason: `\`${name}\` defines a command name only known at run time` } : FINAL;
}
