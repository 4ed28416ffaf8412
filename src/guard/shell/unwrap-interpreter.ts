/**
 * @module Shells and interpreters as wrappers: `bash -c '…'`, `sh script.sh`, `bash` reading stdin,
 * `python -c`, `node -e`, `perl -e`, `ruby -e`, `php -r`, `deno eval`, and awk programs.
 */
import { literalWord } from './decode-word.js';
import { parseArguments } from './parse-arguments.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

/** Shells whose `-c`, script file or stdin the guard reads as shell. */
export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'busybox']);

interface InterpreterSpec {
  /** Short letters whose value is inline program text (`c` for `python -c`). */
  inlineLetters: string;
  /** Short letters that take some other value (`W` for `python -W ignore`). */
  valueLetters: string;
  inlineLong?: readonly string[];
  valueLong?: readonly string[];
}

const INTERPRETERS: Record<string, InterpreterSpec> = {
  python: { inlineLetters: 'c', valueLetters: 'WXm' },
  node: { inlineLetters: 'ep', valueLetters: 'r', inlineLong: ['eval', 'print'], valueLong: ['require', 'import', 'loader', 'input-type', 'env-file', 'experimental-loader'] },
  perl: { inlineLetters: 'eE', valueLetters: 'IMmx' },
  ruby: { inlineLetters: 'e', valueLetters: 'IrCE' },
  php: { inlineLetters: 'r', valueLetters: 'dcfz' },
  osascript: { inlineLetters: 'e', valueLetters: 'ls' },
  r: { inlineLetters: 'e', valueLetters: '' },
  lua: { inlineLetters: 'e', valueLetters: 'l' },
};

/** Maps interpreter spellings (`python3.12`, `nodejs`) onto the table above. */
export function interpreterOf(name: string): string | undefined {
  if (/^python[0-9.]*$/.test(name) || name === 'pypy' || name === 'pypy3') return 'python';
  if (name === 'nodejs' || name === 'node') return 'node';
  if (name === 'deno' || name === 'bun') return name === 'bun' ? 'node' : 'deno';
  if (/^perl[0-9.]*$/.test(name)) return 'perl';
  if (/^ruby[0-9.]*$/.test(name)) return 'ruby';
  if (/^php[0-9.]*$/.test(name)) return 'php';
  if (name === 'osascript') return 'osascript';
  if (name === 'rscript') return 'r';
  if (/^lua(?:jit|[0-9.]*)$/.test(name)) return 'lua';
  return undefined;
}

/** What a shell (`sh`, `bash`, `zsh`, `busybox sh`) runs. */
export function unwrapShell(name: string, args: ShellWord[]): UnwrapStep {
  let words = args;
  if (name === 'busybox') {
    if (!words[0] || !['sh', 'ash', 'bash'].includes(words[0].value)) return { kind: 'final' };
    words = words.slice(1);
  }
  const parsed = parseArguments(words, { shortWithValue: 'oO', longWithValue: ['rcfile', 'init-file'], stopAtPositional: true });
  if (parsed.flags.has('-c') || parsed.flags.has('--command')) {
    const script = words[parsed.stop];
    if (!script) return { kind: 'uncertain', reason: `\`${name} -c\` without a command` };
    if (!script.literal) return { kind: 'uncertain', reason: `\`${name} -c\` runs shell code computed at run time` };
    return { kind: 'source', label: `${name} -c`, text: script.value };
  }
  const file = words[parsed.stop];
  if (!file || parsed.flags.has('-s') || file.value === '-') return { kind: 'stdin-program', label: name, language: 'shell' };
  return { kind: 'script-file', label: name, path: file, language: 'shell' };
}

/** What an interpreter runs: inline code, a script file, or a program on stdin. */
export function unwrapInterpreter(name: string, interpreter: string, args: ShellWord[]): UnwrapStep {
  if (interpreter === 'deno') return args[0]?.value === 'eval' ? inline(name, args[1]) : { kind: 'final' };
  const spec = INTERPRETERS[interpreter];
  if (!spec) return { kind: 'final' };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const text = word.value;
    if (text === '--' || text === '-' || !text.startsWith('-')) {
      const file = text === '--' ? args[i + 1] : word;
      if (!file || file.value === '-') return { kind: 'stdin-program', label: name, language: 'code' };
      return { kind: 'script-file', label: name, path: file, language: 'code' };
    }
    if (text.startsWith('--')) {
      const [long, ...valueParts] = text.slice(2).split('=');
      const value = valueParts.join('=');
      if (spec.inlineLong?.includes(long as string)) return valueParts.length > 0 ? inline(name, word.literal ? literalWord(value) : word) : inline(name, args[i + 1]);
      if (spec.valueLong?.includes(long as string) && valueParts.length === 0) i += 1;
      continue;
    }
    for (let j = 1; j < text.length; j++) {
      const letter = text[j] as string;
      const restOfCluster = text.slice(j + 1);
      if (spec.inlineLetters.includes(letter)) {
        return restOfCluster !== '' ? inline(name, word.literal ? literalWord(restOfCluster) : word) : inline(name, args[i + 1]);
      }
      if (spec.valueLetters.includes(letter)) {
        if (interpreter === 'python' && letter === 'm') return { kind: 'final' };
        if (restOfCluster === '') i += 1;
        break;
      }
    }
  }
  return { kind: 'stdin-program', label: name, language: 'code' };
}

/** awk spellings whose program may call `system()` or pipe to and from commands. */
export const AWKS = new Set(['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk']);

/** What an awk runs: its program text (first operand, or `-e`/`--source`); a program file is not read. */
export function unwrapAwk(name: string, args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, {
    shortWithValue: 'FvfiIlEeW',
    longWithValue: ['field-separator', 'assign', 'file', 'include', 'load', 'exec', 'source'],
    stopAtPositional: true,
  });
  const sources = [...(parsed.valueWords.get('-e') ?? []), ...(parsed.valueWords.get('--source') ?? [])];
  const fromFile = ['-f', '--file', '-E', '--exec'].some((flag) => parsed.flags.has(flag));
  // An attached value (`-e'…'`, `--source=…`) is no whole word to read: the guard cannot tell.
  if (sources.some((word) => !word.literal || word.value.startsWith('-'))) return { kind: 'uncertain', reason: `\`${name}\` runs a program the guard cannot read` };
  const program = sources.length > 0 ? sources.map((word) => word.value).join('\n') : fromFile ? undefined : args[parsed.stop];
  if (program === undefined) return { kind: 'final' };
  if (typeof program !== 'string' && !program.literal) return { kind: 'uncertain', reason: `\`${name}\` runs a program computed at run time` };
  return { kind: 'inline-code', label: name, code: typeof program === 'string' ? program : program.value, language: 'awk' };
}

function inline(name: string, word: ShellWord | undefined): UnwrapStep {
  if (!word) return { kind: 'final' };
  if (!word.literal) return { kind: 'uncertain', reason: `\`${name}\` runs inline code computed at run time` };
  return { kind: 'inline-code', label: name, code: word.value };
}
