/**
 * @module Sees through commands that run other commands: `sudo`, `env`, `timeout`, `xargs`,
 * `find -exec`, `npx`, `uv run`, `bash -c`, `eval`, `ssh host '…'`, `python -c` and friends.
 *
 * One step at a time: given an argv, say what it really runs. The caller repeats until it reaches a
 * command that runs nothing else.
 */
import { literalWord, makeWord } from './decode-word.js';
import { type ArgumentSpec, optionValue, parseArguments } from './parse-arguments.js';
import { unwrapDatabaseShell } from './unwrap-database-shell.js';
import { AWKS, interpreterOf, SHELLS, unwrapAwk, unwrapInterpreter, unwrapShell } from './unwrap-interpreter.js';
import { type GitAliasLookup, unwrapGit } from './unwrap-git.js';
import { unwrapContainerExec, unwrapScript, unwrapSsh, unwrapSu } from './unwrap-remote.js';
import type { ShellAssignment, ShellWord } from './shell-syntax.js';
import { unwrapEnable, unwrapEvaluating, unwrapMake, unwrapPowerShell } from './unwrap-unreadable.js';

export type UnwrapStep =
  /** `argv` runs nothing else (or nothing at all, for `command -v x`). */
  | { kind: 'final' }
  | { kind: 'query' }
  /** The command runs `rest` as a command. */
  | { kind: 'wrapped'; label: string; rest: ShellWord[]; assignments?: ShellAssignment[]; outer?: ShellWord[]; argsFromInput?: boolean; chdir?: ShellWord }
  /** The command runs shell source text (`bash -c`, `eval`, `ssh host cmd`, `watch`, `su -c`). */
  | { kind: 'source'; label: string; text: string; outer?: ShellWord[] }
  /** Several commands (`find … -exec a {} \; -exec b {} +`). */
  | { kind: 'many'; label: string; commands: ShellWord[][]; keepSelf: boolean }
  /** A shell or interpreter reading its program from standard input. */
  | { kind: 'stdin-program'; label: string; language: 'shell' | 'code'; outer?: ShellWord[] }
  /** `make` reading makefiles: those named with `-f` (none: its default names, in `directory`). */
  | { kind: 'makefiles'; label: string; files: ShellWord[]; directory?: ShellWord }
  /** A shell or interpreter running a script file. */
  | { kind: 'script-file'; label: string; path: ShellWord; language: 'shell' | 'code' }
  /** Inline program text for an interpreter (`python -c`, `node -e`, an awk program). */
  | { kind: 'inline-code'; label: string; code: string; language?: 'awk' }
  | { kind: 'uncertain'; reason: string };

interface Wrapper extends ArgumentSpec {
  /** Positional arguments of the wrapper itself before the wrapped command (`timeout 10 cmd`). */
  skip?: number;
  /** Subcommand words that make it a wrapper (`uv run`, `poetry run`). */
  sub?: readonly string[];
}

const WRAPPERS: Record<string, Wrapper> = {
  sudo: { shortWithValue: 'ugpCDhRTrt', longWithValue: ['user', 'group', 'prompt', 'close-from', 'chdir', 'host', 'chroot', 'role', 'type', 'command-timeout', 'other-user'], stopAtPositional: true },
  doas: { shortWithValue: 'uC', stopAtPositional: true },
  run0: { longWithValue: ['user', 'group'], shortWithValue: 'ug', stopAtPositional: true },
  nice: { shortWithValue: 'n', longWithValue: ['adjustment'], stopAtPositional: true },
  nohup: { stopAtPositional: true },
  time: { shortWithValue: 'fo', longWithValue: ['format', 'output'], stopAtPositional: true },
  timeout: { shortWithValue: 'sk', longWithValue: ['signal', 'kill-after'], stopAtPositional: true, skip: 1 },
  gtimeout: { shortWithValue: 'sk', longWithValue: ['signal', 'kill-after'], stopAtPositional: true, skip: 1 },
  stdbuf: { shortWithValue: 'ioe', longWithValue: ['input', 'output', 'error'], stopAtPositional: true },
  ionice: { shortWithValue: 'cnpPu', stopAtPositional: true },
  chrt: { stopAtPositional: true, skip: 1 },
  taskset: { shortWithValue: '', stopAtPositional: true, skip: 1 },
  setsid: { stopAtPositional: true },
  caffeinate: { shortWithValue: 'tw', stopAtPositional: true },
  chronic: { stopAtPositional: true },
  unbuffer: { stopAtPositional: true },
  nsenter: { shortWithValue: 'tSG', longWithValue: ['target'], stopAtPositional: true },
  chroot: { longWithValue: ['userspec', 'groups'], stopAtPositional: true, skip: 1 },
  exec: { shortWithValue: 'a', stopAtPositional: true },
  builtin: { stopAtPositional: true },
  // `coproc cmd …` runs cmd in the background; a NAME is only allowed before a compound command.
  coproc: { stopAtPositional: true },
  pkexec: { longWithValue: ['user'], stopAtPositional: true },
  unshare: { shortWithValue: 'S', longWithValue: ['setuid', 'setgid', 'root', 'wd', 'propagation'], stopAtPositional: true },
  'systemd-run': { shortWithValue: 'pEMu', longWithValue: ['unit', 'property', 'description', 'slice', 'uid', 'gid', 'nice', 'working-directory', 'setenv', 'machine', 'on-active', 'on-calendar'], stopAtPositional: true },
  sshpass: { shortWithValue: 'pfde', stopAtPositional: true },
  'ssh-agent': { shortWithValue: 'aEPt', stopAtPositional: true },
  'dbus-run-session': { longWithValue: ['config-file', 'dbus-daemon'], stopAtPositional: true },
  numactl: { shortWithValue: 'NmCiPp', longWithValue: ['cpunodebind', 'membind', 'physcpubind', 'interleave', 'preferred'], stopAtPositional: true },
  strace: { shortWithValue: 'eopsSIuEaPbX', stopAtPositional: true },
  ltrace: { shortWithValue: 'eopsSnuEa', stopAtPositional: true },
  valgrind: { stopAtPositional: true },
  torsocks: { stopAtPositional: true },
  proxychains: { shortWithValue: 'f', stopAtPositional: true },
  firejail: { stopAtPositional: true },
  flock: { shortWithValue: 'wEc', longWithValue: ['timeout', 'conflict-exit-code', 'command'], stopAtPositional: true, skip: 1 },
  npx: { shortWithValue: 'pc', longWithValue: ['package', 'call'], stopAtPositional: true },
  pnpx: { shortWithValue: 'pc', longWithValue: ['package', 'call'], stopAtPositional: true },
  bunx: { shortWithValue: 'p', longWithValue: ['package'], stopAtPositional: true },
  uvx: { longWithValue: ['from', 'with', 'python', 'index-url', 'with-requirements'], shortWithValue: 'p', stopAtPositional: true },
  uv: { sub: ['run'], longWithValue: ['with', 'python', 'project', 'directory', 'env-file', 'package', 'extra', 'group', 'index-url', 'with-requirements'], shortWithValue: 'p', stopAtPositional: true },
  poetry: { sub: ['run'], stopAtPositional: true },
  pipenv: { sub: ['run'], stopAtPositional: true },
  pdm: { sub: ['run'], stopAtPositional: true },
  hatch: { sub: ['run'], stopAtPositional: true },
  rye: { sub: ['run'], stopAtPositional: true },
  bundle: { sub: ['exec'], stopAtPositional: true },
  pnpm: { sub: ['exec', 'dlx'], stopAtPositional: true },
  yarn: { sub: ['exec', 'dlx'], stopAtPositional: true },
  bun: { sub: ['x'], stopAtPositional: true },
  npm: { sub: ['exec', 'x'], shortWithValue: 'c', longWithValue: ['package', 'call'], stopAtPositional: true },
  mise: { sub: ['exec', 'x'], stopAtPositional: true },
  rtx: { sub: ['exec', 'x'], stopAtPositional: true },
  asdf: { sub: ['exec'], stopAtPositional: true },
  rbenv: { sub: ['exec'], stopAtPositional: true },
  pyenv: { sub: ['exec'], stopAtPositional: true },
  devbox: { sub: ['run'], stopAtPositional: true },
  dotenv: { shortWithValue: 'ecv', stopAtPositional: true },
  direnv: { sub: ['exec'], stopAtPositional: true, skip: 1 },
  op: { sub: ['run'], longWithValue: ['env-file'], stopAtPositional: true },
  doppler: { sub: ['run'], shortWithValue: 'pc', longWithValue: ['project', 'config', 'command'], stopAtPositional: true },
  infisical: { sub: ['run'], longWithValue: ['env', 'path', 'command'], stopAtPositional: true },
  'aws-vault': { sub: ['exec'], shortWithValue: 'dt', longWithValue: ['duration', 'mfa-token', 'region'], stopAtPositional: true, skip: 1 },
};

/** What is in effect where a command runs, beyond its words. */
export interface UnwrapScope {
  /** Variables set for it: prefixes, `env NAME=value`, assignments earlier in the script. */
  assignments?: readonly ShellAssignment[];
  /** git aliases defined in git's configuration. */
  gitAlias?: GitAliasLookup;
}

/** One unwrapping step for `argv` whose command name is `name` (already normalised). */
export function unwrapCommand(name: string, argv: readonly ShellWord[], scope: UnwrapScope = {}): UnwrapStep {
  const args = argv.slice(1);
  const wrapper = WRAPPERS[name];
  if (wrapper) return unwrapWrapper(name, wrapper, args);
  if (SHELLS.has(name)) return unwrapShell(name, args);
  const interpreter = interpreterOf(name);
  if (interpreter) return unwrapInterpreter(name, interpreter, args);
  if (AWKS.has(name)) return unwrapAwk(name, args);
  if (name === 'busybox' && args[0]?.value === 'awk') return unwrapAwk('busybox awk', args.slice(1));
  switch (name) {
    case 'env':
      return unwrapEnv(args);
    case 'command':
      return unwrapCommandBuiltin(args);
    case 'eval':
      return joined('eval', args);
    case 'trap':
      return unwrapTrap(args);
    case 'at':
    case 'batch':
      // `at now <<< 'cmd'`, `echo cmd | at now`: the job is shell read from standard input (or `-f file`).
      return args.some((word) => /^-[a-zA-Z]*f/.test(word.value)) ? { kind: 'uncertain', reason: `\`${name} -f\` runs a script file later` } : { kind: 'stdin-program', label: name, language: 'shell' };
    case 'tmux':
      return unwrapTmux(args);
    case 'screen': {
      // `screen -dm cmd …` runs cmd in a detached session.
      const parsed = parseArguments(args, { shortWithValue: 'cehpsStTX', stopAtPositional: true });
      const rest = args.slice(parsed.stop);
      return rest.length > 0 ? { kind: 'wrapped', label: 'screen', rest } : { kind: 'final' };
    }
    case 'source':
    case '.':
      return args[0] ? { kind: 'script-file', label: name, path: args[0], language: 'shell' } : { kind: 'final' };
    case 'xargs':
      return unwrapXargs(args);
    case 'git':
      return unwrapGit(args, scope);
    case 'find':
      return unwrapFind(args);
    case 'watch':
      return unwrapWatch(args);
    case 'ssh':
      return unwrapSsh(args);
    case 'su':
    case 'runuser':
    case 'sg':
      return unwrapSu(name, args);
    case 'script':
      return unwrapScript(args);
    case 'parallel':
      return unwrapParallel(args);
    case 'nix-shell': {
      const parsed = parseArguments(args, { longWithValue: ['run', 'command', 'packages', 'attr', 'arg', 'argstr'], shortWithValue: 'pAIE' });
      const run = parsed.values.get('--run') ?? parsed.values.get('--command');
      return run && run.length > 0 ? { kind: 'source', label: 'nix-shell --run', text: run.join(' ') } : { kind: 'final' };
    }
    case 'kubectl':
    case 'oc':
    case 'docker':
    case 'podman':
      return unwrapContainerExec(name, args);
    case 'docker-compose':
    case 'podman-compose':
      return unwrapContainerExec('docker', [literalWord('compose'), ...args]);
    case 'psql':
    case 'mysql':
    case 'mariadb':
    case 'sqlite3':
    case 'sqlite':
      return unwrapDatabaseShell(name, args);
    case 'make':
    case 'gmake':
    case 'bmake':
      return unwrapMake(name, args);
    case 'pwsh':
    case 'pwsh.exe':
    case 'pwsh-preview':
    case 'powershell':
    case 'powershell.exe':
      return unwrapPowerShell(name, args);
    case 'enable':
      return unwrapEnable(args);
    case 'test':
    case '[':
    case '[[':
    case 'let':
    case 'printf':
    case 'unset':
    case 'read':
    case 'declare':
    case 'local':
    case 'typeset':
    case 'readonly':
    case 'export':
      return unwrapEvaluating(name, args);
    default:
      return { kind: 'final' };
  }
}

function unwrapWrapper(name: string, wrapper: Wrapper, args: ShellWord[]): UnwrapStep {
  let words = args;
  if (wrapper.sub) {
    const subIndex = words.findIndex((word) => !word.value.startsWith('-'));
    const sub = words[subIndex]?.value;
    if (subIndex < 0 || sub === undefined || !wrapper.sub.includes(sub)) return { kind: 'final' };
    words = words.slice(subIndex + 1);
  }
  const parsed = parseArguments(words, wrapper);
  const inline = [parsed.values.get('-c'), parsed.values.get('--call'), parsed.values.get('--command')].find((v) => v?.length);
  if (inline && ['npx', 'pnpx', 'npm', 'flock', 'doppler', 'infisical'].includes(name)) {
    return { kind: 'source', label: `${name} -c`, text: inline.join(' ') };
  }
  let rest = words.slice(parsed.stop);
  if (rest[0]?.value === '--') rest = rest.slice(1);
  rest = rest.slice(wrapper.skip ?? 0);
  if (rest[0]?.value === '--') rest = rest.slice(1);
  if (rest.length === 0) return { kind: 'final' };
  const assignments: ShellAssignment[] = [];
  if (name === 'aws-vault') {
    const profile = words.slice(parsed.stop)[0];
    if (profile) assignments.push({ name: 'AWS_PROFILE', value: profile });
  }
  // `sudo -D dir` / `sudo --chdir=dir` runs the command in `dir`.
  const chdirWord = name === 'sudo' ? (parsed.valueWords.get('-D') ?? parsed.valueWords.get('--chdir'))?.at(-1) : undefined;
  const chdir = chdirWord && folderWord(chdirWord, optionValue(parsed, '-D', '--chdir') ?? chdirWord.value);
  return { kind: 'wrapped', label: name, rest: stripPackageVersion(name, rest), assignments, ...(chdir ? { chdir } : {}) };
}

// `npx prisma@5 migrate reset` runs the `prisma` binary.
function stripPackageVersion(name: string, rest: ShellWord[]): ShellWord[] {
  if (!['npx', 'pnpx', 'bunx', 'uvx', 'pnpm', 'yarn', 'npm', 'bun'].includes(name)) return rest;
  const [first, ...others] = rest;
  if (!first || !first.literal) return rest;
  const bare = first.value.replace(/^(@[^/]+\/)?([^@]+)@.*$/, '$1$2');
  return bare === first.value ? rest : [literalWord(bare), ...others];
}

function unwrapEnv(args: ShellWord[]): UnwrapStep {
  const assignments: ShellAssignment[] = [];
  let chdir: ShellWord | undefined;
  const wrappedEnv = (rest: ShellWord[]): UnwrapStep =>
    rest.length > 0 ? { kind: 'wrapped', label: 'env', rest, assignments, ...(chdir ? { chdir } : {}) } : { kind: 'final' };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const text = word.value;
    if (text === '-S' || text === '--split-string' || text.startsWith('-S') || text.startsWith('--split-string=')) {
      const inlineText = text.startsWith('--split-string=') ? text.slice(15) : text.length > 2 && text.startsWith('-S') ? text.slice(2) : args[i + 1]?.value;
      const after = args.slice(text === '-S' || text === '--split-string' ? i + 2 : i + 1).map((w) => w.value);
      return { kind: 'source', label: 'env -S', text: [inlineText ?? '', ...after].join(' ') };
    }
    if (/^-[iv0]+$/.test(text) || text === '--ignore-environment' || text === '--null' || text === '-') continue;
    if (text === '-C' || text === '--chdir') {
      chdir = args[++i];
      continue;
    }
    if (text.startsWith('--chdir=') || /^-C./.test(text)) {
      chdir = folderWord(word, text.slice(text.startsWith('--') ? 8 : 2));
      continue;
    }
    if (text === '-u' || text === '--unset') {
      i += 1;
      continue;
    }
    if (text.startsWith('--unset=') || /^-u./.test(text)) continue;
    if (text === '--') return wrappedEnv(args.slice(i + 1));
    const equals = text.indexOf('=');
    if (equals > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.slice(0, equals))) {
      assignments.push({ name: text.slice(0, equals), value: literalWord(text.slice(equals + 1)) });
      continue;
    }
    return wrappedEnv(args.slice(i));
  }
  return { kind: 'final' };
}

/**
 * The folder an option names (`/` of `--chdir=/`), from the word that holds it: a word with
 * run-time parts stays as it is, so where the command runs is unknown.
 */
function folderWord(word: ShellWord, value: string): ShellWord {
  return word.literal ? literalWord(value) : word;
}

function unwrapCommandBuiltin(args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, { stopAtPositional: true });
  if (parsed.flags.has('-v') || parsed.flags.has('-V')) return { kind: 'query' };
  const rest = args.slice(parsed.stop);
  return rest.length > 0 ? { kind: 'wrapped', label: 'command', rest } : { kind: 'final' };
}

/** `tmux new-session 'cmd'`, `tmux split-window 'cmd'`, `tmux send-keys 'cmd' Enter`: shell text run in a pane. */
function unwrapTmux(args: ShellWord[]): UnwrapStep {
  const at = args.findIndex((word) => /^(?:new-session|new|new-window|neww|split-window|splitw|respawn-pane|respawnp|respawn-window|respawnw|run-shell|run|send-keys|send)$/.test(word.value));
  if (at < 0) return { kind: 'final' };
  const sub = args[at]!.value;
  const parsed = parseArguments(args.slice(at + 1), { shortWithValue: 'cefFlnpsStTxy', stopAtPositional: sub !== 'send-keys' && sub !== 'send' });
  const words = sub === 'send-keys' || sub === 'send' ? parsed.positionals.filter((word) => !/^(?:Enter|C-m|KPEnter)$/.test(word.value)) : args.slice(at + 1 + parsed.stop);
  if (words.length === 0) return { kind: 'final' };
  if (words.some((word) => !word.literal)) return { kind: 'uncertain', reason: `\`tmux ${sub}\` runs shell code computed at run time` };
  return { kind: 'source', label: `tmux ${sub}`, text: words.map((word) => word.value).join(' ') };
}

/** `trap 'code' EXIT`: the code runs later, when the signal comes or the shell exits. */
function unwrapTrap(args: ShellWord[]): UnwrapStep {
  const words = args[0]?.value === '--' ? args.slice(1) : args;
  const [code, ...signals] = words;
  if (!code || code.value.startsWith('-') || signals.length === 0) return { kind: 'final' }; // `trap -p`, `trap - INT`, or a listing
  if (!code.literal) return { kind: 'uncertain', reason: '`trap` sets code computed at run time' };
  return code.value === '' ? { kind: 'final' } : { kind: 'source', label: 'trap', text: code.value };
}

function joined(label: string, args: ShellWord[]): UnwrapStep {
  if (args.length === 0) return { kind: 'final' };
  if (args.some((word) => !word.literal)) return { kind: 'uncertain', reason: `\`${label}\` runs shell code computed at run time` };
  return { kind: 'source', label, text: args.map((word) => word.value).join(' ') };
}

function unwrapXargs(args: ShellWord[]): UnwrapStep {
  // `-i`, `-l`, `-e` and `--replace` take their value only when attached (`-i{}`), never the next word.
  const parsed = parseArguments(args, {
    shortWithValue: 'InPLsdEa',
    longWithValue: ['max-args', 'max-procs', 'max-lines', 'max-chars', 'delimiter', 'arg-file', 'process-slot-var'],
    stopAtPositional: true,
  });
  const rest = args.slice(parsed.stop);
  const replace = replaceString(args.slice(0, parsed.stop), parsed.values.get('-I') ?? parsed.values.get('--replace'));
  // With a replace string each input line is pasted into the words that hold it: they are computed.
  const command = replace === undefined ? rest : rest.map((word) => (word.value.includes(replace) ? fromInput(word, replace) : word));
  return { kind: 'wrapped', label: 'xargs', rest: command.length > 0 ? command : [literalWord('echo')], argsFromInput: true };
}

function replaceString(options: ShellWord[], values: string[] | undefined): string | undefined {
  const given = values?.[values.length - 1];
  if (given !== undefined) return given === '' ? '{}' : given;
  const bare = options.find((word) => /^-[^-]*i/.test(word.value) || word.value === '--replace');
  if (!bare) return undefined;
  const attached = /^-[^-i]*i(.*)$/.exec(bare.value)?.[1];
  return attached ? attached : '{}';
}

function fromInput(word: ShellWord, replace: string): ShellWord {
  const pieces = word.value.split(replace);
  return makeWord(pieces.flatMap((text, index) => (index === 0 ? [{ kind: 'text' as const, text, quoted: true }] : [{ kind: 'dynamic' as const, source: replace }, { kind: 'text' as const, text, quoted: true }])));
}

function unwrapFind(args: ShellWord[]): UnwrapStep {
  const firstExpression = args.findIndex((word) => /^[-(!]/.test(word.value));
  const starts = (firstExpression < 0 ? args : args.slice(0, firstExpression));
  const roots = starts.length > 0 ? starts : [literalWord('.')];
  const commands: ShellWord[][] = [];
  for (let i = 0; i < args.length; i++) {
    const text = (args[i] as ShellWord).value;
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(text)) continue;
    const end = args.findIndex((word, index) => index > i && (word.value === ';' || word.value === '+'));
    const stop = end < 0 ? args.length : end;
    const template = args.slice(i + 1, stop);
    if (runsFoundNames(template)) {
      // A found name run as a command or as shell code (`-exec sh -c {}`): its text comes from the
      // file system at run time, so it is computed, not a path.
      commands.push(template.map((word) => (word.value.includes('{}') ? fromInput(word, '{}') : word)));
    } else {
      // `{}` stands for an entry found under each starting point.
      for (const root of roots) {
        const entry = root.literal ? literalWord(`${root.value.replace(/\/+$/, '')}/{}`) : root;
        commands.push(template.map((word) => (word.value === '{}' ? entry : word)));
      }
    }
    i = stop;
  }
  return commands.length > 0 ? { kind: 'many', label: 'find -exec', commands, keepSelf: true } : { kind: 'final' };
}

/** True when `-exec` runs the found name itself, or hands it to a shell as code. */
function runsFoundNames(template: ShellWord[]): boolean {
  const name = template[0]?.value ?? '';
  if (name.includes('{}')) return true;
  return SHELLS.has(name.slice(name.lastIndexOf('/') + 1)) && template.slice(1).some((word) => word.value.includes('{}'));
}

function unwrapWatch(args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, { shortWithValue: 'nq', longWithValue: ['interval', 'differences', 'equexit'], stopAtPositional: true });
  const rest = args.slice(parsed.stop);
  if (rest.length === 0) return { kind: 'final' };
  if (parsed.flags.has('-x') || parsed.flags.has('--exec')) return { kind: 'wrapped', label: 'watch', rest };
  return joined('watch', rest);
}

function unwrapParallel(args: ShellWord[]): UnwrapStep {
  const separator = args.findIndex((word) => word.value === ':::' || word.value === '::::');
  const command = (separator < 0 ? args : args.slice(0, separator)).filter((word) => !word.value.startsWith('-'));
  return command.length > 0 ? { kind: 'wrapped', label: 'parallel', rest: command, argsFromInput: true } : { kind: 'final' };
}

