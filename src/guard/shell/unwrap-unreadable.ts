/**
 * @module Commands that make code run which the guard does not read, or reads another way: a
 * makefile (`make -f`, `make --eval`), PowerShell, a builtin loaded from a shared object, `$(…)`
 * in subscripts that builtins evaluate.
 * Each is a step the guard cannot follow, so a person decides.
 */
import { literalWord } from './decode-word.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

const FINAL: UnwrapStep = { kind: 'final' };

/**
 * `make --eval='…'` (also `-E`, and any unambiguous abbreviation, as getopt takes it) runs makefile
 * text the guard does not read, and so does a makefile named at run time; the makefiles named with
 * `-f` (every one) and the folder of `-C` are handed on, for `expand-invocations.ts` to tell a
 * makefile the command itself writes or pipes in (not read either) from the repository's.
 */
export function unwrapMake(name: string, args: readonly ShellWord[]): UnwrapStep {
  const files: ShellWord[] = [];
  let directory: ShellWord | undefined;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const long = /^--([a-z-]+)(=.*)?$/s.exec(word.value);
    const option = long ? longMakeOption(long[1]!) : undefined;
    if (option === 'eval' || (!long && /^-[a-zA-Z]*E/.test(word.value))) {
      return { kind: 'uncertain', reason: `\`${name} --eval\` runs makefile text, which the guard does not read` };
    }
    const value = (attached: string | undefined): ShellWord | undefined =>
      attached !== undefined && attached !== '' ? (word.literal ? literalWord(attached) : word) : args[++index];
    let taken: ShellWord | undefined;
    if (option === 'file') files.push((taken = value(long![2]?.slice(1)))!);
    else if (option === 'directory') directory = taken = value(long![2]?.slice(1));
    else if (!long && /^-[a-zA-Z]*[fC]/.test(word.value)) {
      const letter = /^-[a-zA-Z]*?([fC])/.exec(word.value)![1];
      taken = value(word.value.slice(word.value.indexOf(letter!) + 1));
      if (letter === 'f') files.push(taken!);
      else directory = taken;
    }
    if (taken && !taken.literal) return { kind: 'uncertain', reason: `\`${name}\` runs a makefile only known at run time, which the guard does not read` };
    // `make SHELL=… .SHELLFLAGS=…` runs the repository's recipes through another program.
    const setting = /^(SHELL|\.SHELLFLAGS|MAKEFLAGS|GNUMAKEFLAGS|MAKEFILES)[:+?]?=(.*)$/s.exec(word.value);
    if (setting && !(/MAKEFLAGS$/.test(setting[1]!) && quietMakeflags(setting[2]!))) {
      return { kind: 'uncertain', reason: `\`${name} ${word.value.slice(0, 40)}\` changes how make runs its recipes, which the guard does not follow` };
    }
  }
  return { kind: 'makefiles', label: name, files: files.filter(Boolean), ...(directory ? { directory } : {}) };
}

/** `MAKEFLAGS` that only set parallelism and output (`-j$(nproc)`, `-k`, `-s`): anything else may add makefile text. */
const QUIET_MAKEFLAGS = /^(?:\s*(?:-j[0-9\uFFFD]*|--jobs(?:=[0-9\uFFFD]*)?|-[ksw]+|--no-print-directory|--output-sync(?:=\w+)?|-O\w*))*\s*$/;

/** Whether a `MAKEFLAGS`/`GNUMAKEFLAGS` value only sets parallelism and output. */
export function quietMakeflags(value: string): boolean {
  return QUIET_MAKEFLAGS.test(value);
}

/** What a long option of GNU make stands for, taking unambiguous abbreviations (`--ev` is `--eval`). */
function longMakeOption(written: string): 'eval' | 'file' | undefined {
  const matches = MAKE_LONG_OPTIONS.filter((option) => option.startsWith(written));
  const meaning = (option: string): 'eval' | 'file' | undefined => (option === 'eval' ? 'eval' : option === 'file' || option === 'makefile' ? 'file' : undefined);
  // An ambiguous abbreviation is refused by make, unless every option it could be means the same.
  const meanings = new Set(matches.map(meaning));
  return meanings.size === 1 ? meaning(matches[0]!) : undefined;
}

const MAKE_LONG_OPTIONS = [
  'always-make', 'directory', 'debug', 'environment-overrides', 'eval', 'file', 'makefile', 'help', 'ignore-errors', 'include-dir',
  'jobs', 'keep-going', 'load-average', 'max-load', 'check-symlink-times', 'just-print', 'dry-run', 'recon', 'output-sync', 'old-file',
  'assume-old', 'print-data-base', 'question', 'no-builtin-rules', 'no-builtin-variables', 'silent', 'quiet', 'no-keep-going', 'stop',
  'touch', 'trace', 'version', 'print-directory', 'no-print-directory', 'what-if', 'new-file', 'assume-new', 'warn-undefined-variables',
  'shuffle', 'no-silent', 'jobserver-style',
];

/** Options of `pwsh`/`powershell` that run code, and what only prints. */
const POWERSHELL_CODE = /^[-/](?:c|command|e|ec|encodedcommand|f|file|cwa|commandwithargs)$/i;
const POWERSHELL_QUERY = /^[-/](?:v|version|\?|h|help)$/i;

/** PowerShell runs code in its own language: commands, script files, or standard input. */
export function unwrapPowerShell(name: string, args: readonly ShellWord[]): UnwrapStep {
  if (args.some((word) => POWERSHELL_QUERY.test(word.value)) && !args.some((word) => POWERSHELL_CODE.test(word.value))) return FINAL;
  return { kind: 'uncertain', reason: `\`${name}\` runs PowerShell code, which the guard does not read` };
}

/**
 * Builtins that evaluate array subscripts (`test -v 'a[$(rm -rf ~)]'`, `printf -v`, `unset`,
 * `read`, `declare`) or arithmetic (`let`), where `$(…)` in a quoted word still runs: such a word
 * is code the guard does not read. `test`, `[` and `let` evaluate any word; the others only a name
 * with a subscript (and `printf` only with `-v`).
 */
export function unwrapEvaluating(name: string, args: readonly ShellWord[]): UnwrapStep {
  if (name === 'printf' && !args.some((word) => /^-v/.test(word.value))) return FINAL;
  const code = ['test', '[', '[[', 'let'].includes(name) ? /\$\(|`/ : /\[[^\]]*(?:\$\(|`)/;
  return args.some((word) => code.test(word.value)) ? { kind: 'uncertain', reason: `\`${name}\` evaluates \`$(…)\` inside a quoted word, code the guard does not read` } : FINAL;
}

/** `enable -f lib.so name` replaces a command with a builtin from a shared object. */
export function unwrapEnable(args: readonly ShellWord[]): UnwrapStep {
  return args.some((word) => /^-[a-z]*f/.test(word.value)) ? { kind: 'uncertain', reason: '`enable -f` loads a builtin from a shared object, which the guard does not read' } : FINAL;
}
