/**
 * @module git as a command that runs other commands: aliases and settings whose value git hands to
 * a shell (`core.sshCommand`, `core.pager`, `diff.external`, …), however they are set: `-c` on the
 * command line, `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` or
 * `GIT_CONFIG_PARAMETERS` in the environment, or `git config` writing them for later.
 *
 * A `!` alias replaces the git command with shell code; a plain alias expands into another git
 * command; a shell-valued setting runs beside the git command, which is still judged itself.
 * `git config alias.x …` is judged as what `git x` will run, since a later call may only say `git x`.
 * Settings loaded from a file the guard cannot read (`include.path`, `GIT_CONFIG_GLOBAL`) make the
 * command uncertain.
 */
import { literalWord } from './decode-word.js';
import { parseArguments } from './parse-arguments.js';
import type { ShellAssignment, ShellWord } from './shell-syntax.js';
import type { UnwrapScope, UnwrapStep } from './unwrap-command.js';

const GLOBAL = { shortWithValue: 'Cc', longWithValue: ['git-dir', 'work-tree', 'namespace', 'exec-path', 'config-env'], stopAtPositional: true } as const;

/** Settings (lower-case keys) that git runs through `sh -c`. */
const SHELL_SETTINGS = [
  /^core\.(sshcommand|pager|editor|fsmonitor|askpass|gitproxy)$/,
  /^sequence\.editor$/,
  /^diff\.external$/,
  /^gpg(\.[a-z0-9]+)?\.program$/,
  /^pager\..+$/,
  /^credential(\..+)?\.helper$/,
  /^(diff|merge|filter|remote)\..+\.(textconv|command|driver|clean|smudge|process|uploadpack|receivepack)$/,
  /^uploadpack\.packobjectshook$/,
];
/** Settings that make git read more settings, or run hooks, from files the guard does not see. */
const UNSEEN_FILE_SETTINGS = /^(include|includeif\..+)\.path$|^core\.hookspath$/;
/** Variables that point git at other config files. */
const CONFIG_FILE_VARIABLES = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG'];
const NOT_A_COMMAND = new Set(['', 'true', 'false', 'yes', 'no', 'on', 'off', '1', '0']);

interface Setting {
  key: string;
  value: ShellWord;
}

/** Looks up a git alias by its lower-case name: its value, undefined when there is none, `null` when unknown. */
export type GitAliasLookup = (name: string) => string | undefined | null;

/**
 * git's built-in commands (`git --list-cmds=builtins`) and the scripts it ships: git runs these
 * even when an alias has the same name, so only other names are looked up as aliases.
 */
const GIT_COMMANDS = new Set(
  (
    'add am annotate apply archive bisect blame branch bugreport bundle cat-file check-attr check-ignore check-mailmap ' +
    'check-ref-format checkout checkout-index cherry cherry-pick citool clean clone column commit commit-graph commit-tree ' +
    'config count-objects credential describe diagnose diff diff-files diff-index diff-tree difftool fast-export fast-import ' +
    'fetch fetch-pack filter-branch fmt-merge-msg for-each-ref for-each-repo format-patch fsck gc get-tar-commit-id grep gui ' +
    'hash-object help hook index-pack init instaweb interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit ' +
    'maintenance merge merge-base merge-file merge-index merge-tree mergetool mktag mktree multi-pack-index mv name-rev notes ' +
    'pack-objects pack-refs patch-id prune pull push range-diff read-tree rebase receive-pack reflog remote repack replace ' +
    'request-pull rerere reset restore rev-list rev-parse revert rm send-email send-pack shortlog show show-branch show-index ' +
    'show-ref sparse-checkout stage stash status stripspace submodule subtree switch symbolic-ref tag unpack-file ' +
    'unpack-objects update-index update-ref update-server-info upload-archive upload-pack var verify-commit verify-pack ' +
    'verify-tag version whatchanged worktree write-tree'
  ).split(' '),
);

/** `git config` options that take a value, and the modes that read or remove rather than set. */
const CONFIG_OPTIONS = { shortWithValue: 'f', longWithValue: ['file', 'blob', 'type', 'default', 'comment', 'value', 'url'] } as const;
const CONFIG_READ_MODES = ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '--get-color', '--get-colorbool', '--unset', '--unset-all', '-l', '--list', '-e', '--edit', '--rename-section', '--remove-section'];
const CONFIG_SUBCOMMANDS_THAT_DO_NOT_SET = new Set(['get', 'unset', 'list', 'edit', 'rename-section', 'remove-section']);

/**
 * One unwrapping step for `git …` (`args` without the command name), with the variables in effect.
 *
 * @example unwrapGit(words('-c alias.x=!make x')) // => { kind: 'source', text: 'make', … }
 */
export function unwrapGit(args: ShellWord[], scope: UnwrapScope = {}): UnwrapStep {
  const fromEnvironment = readEnvironmentSettings(scope.assignments ?? []);
  if (typeof fromEnvironment === 'string') return { kind: 'uncertain', reason: fromEnvironment };
  const parsed = parseArguments(args, GLOBAL);
  // Command-line settings come after the environment's: for the same key, git uses the last.
  const settings = [...fromEnvironment, ...readSettings(parsed.valueWords.get('-c') ?? [], parsed.valueWords.get('--config-env') ?? [])];
  const unseen = settings.find((setting) => UNSEEN_FILE_SETTINGS.test(setting.key));
  if (unseen) return { kind: 'uncertain', reason: `\`${unseen.key}\` makes git read settings or run hooks from files the guard does not see` };
  const subcommand = args[parsed.stop];
  const alias = subcommand && settings.filter((setting) => setting.key === `alias.${subcommand.value.toLowerCase()}`).at(-1);
  if (alias) {
    if (!alias.value.literal) return { kind: 'uncertain', reason: `the git alias \`${subcommand.value}\` is only known at run time` };
    return expandAlias(subcommand.value, alias.value.value, args, parsed.stop, `git alias ${subcommand.value}`);
  }
  const configured = subcommand?.literal && !GIT_COMMANDS.has(subcommand.value) && scope.gitAlias ? scope.gitAlias(subcommand.value.toLowerCase()) : undefined;
  if (configured === null) return { kind: 'uncertain', reason: `\`git ${subcommand!.value}\` may be an alias, and git's configuration could not be read` };
  if (configured !== undefined) return expandAlias(subcommand!.value, configured, args, parsed.stop, `git alias ${subcommand!.value} (from git config)`);
  const commands = settings.flatMap(shellCommandOf);
  if (subcommand?.value === 'config') {
    const written = readConfigWrite(args.slice(parsed.stop + 1));
    if (written && UNSEEN_FILE_SETTINGS.test(written.key)) return { kind: 'uncertain', reason: `\`git config ${written.key}\` makes git read settings or run hooks from files the guard does not see` };
    if (written?.key.startsWith('alias.')) {
      const name = written.key.slice('alias.'.length);
      if (!written.value.literal) return { kind: 'uncertain', reason: `the git alias \`${name}\` is set to a value only known at run time` };
      const expansion = written.value.value.trim();
      // What `git <name>` will run from now on, in this call or any later one.
      commands.push(expansion.startsWith('!') ? [literalWord('sh'), literalWord('-c'), literalWord(expansion.slice(1))] : [literalWord('git'), ...aliasWords(expansion)]);
    } else if (written) {
      commands.push(...shellCommandOf(written));
    }
  }
  return commands.length > 0 ? { kind: 'many', label: subcommand?.value === 'config' ? 'git config' : 'git -c', commands, keepSelf: true } : { kind: 'final' };
}

/** What `git <name> …` runs when `name` is an alias for `expansion`. */
function expandAlias(name: string, expansion: string, args: ShellWord[], stop: number, label: string): UnwrapStep {
  const text = expansion.trim();
  if (text.startsWith('!')) return { kind: 'source', label, text: text.slice(1) };
  // Without the `-c alias.<name>=…` pair, so the expansion cannot expand again.
  const others = withoutSetting(args.slice(0, stop), `alias.${name.toLowerCase()}=`);
  return { kind: 'wrapped', label, rest: [literalWord('git'), ...others, ...aliasWords(text), ...args.slice(stop + 1)] };
}

/** The words of a plain (non-`!`) alias expansion. */
function aliasWords(expansion: string): ShellWord[] {
  return expansion
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => literalWord(word));
}

/** `sh -c …` for a setting git runs through the shell, or nothing. */
function shellCommandOf(setting: Setting): ShellWord[][] {
  if (!SHELL_SETTINGS.some((pattern) => pattern.test(setting.key))) return [];
  if (setting.value.literal && NOT_A_COMMAND.has(setting.value.value.trim().toLowerCase())) return [];
  // git runs a credential helper through the shell only when it starts with `!`.
  if (/helper$/.test(setting.key) && setting.value.literal && !setting.value.value.trim().startsWith('!')) return [];
  return [[literalWord('sh'), literalWord('-c'), setting.value.literal ? literalWord(setting.value.value.trim().replace(/^!/, '')) : setting.value]];
}

/**
 * The setting a `git config` call writes (`git config [--global] key value`, `--add`,
 * `--replace-all`, or `git config set key value`); undefined when it reads or removes.
 */
function readConfigWrite(args: ShellWord[]): Setting | undefined {
  const parsed = parseArguments(args, CONFIG_OPTIONS);
  let [first, ...rest] = parsed.positionals;
  if (first?.value === 'set') [first, ...rest] = rest;
  else if (first === undefined || CONFIG_SUBCOMMANDS_THAT_DO_NOT_SET.has(first.value) || CONFIG_READ_MODES.some((mode) => parsed.flags.has(mode))) return undefined;
  const value = rest[0];
  if (first === undefined || value === undefined) return undefined;
  return { key: first.value.toLowerCase(), value };
}

/**
 * Settings git reads from the environment: `GIT_CONFIG_COUNT` with `GIT_CONFIG_KEY_<n>` and
 * `GIT_CONFIG_VALUE_<n>`, and `GIT_CONFIG_PARAMETERS` (what `git -c` passes to child processes).
 * A string says why they cannot be known before the command runs.
 */
function readEnvironmentSettings(assignments: readonly ShellAssignment[]): Setting[] | string {
  const variables = new Map<string, ShellWord>();
  for (const assignment of assignments) if (assignment.name.startsWith('GIT_CONFIG')) variables.set(assignment.name, assignment.value);
  if (variables.size === 0) return [];
  const file = CONFIG_FILE_VARIABLES.find((name) => variables.has(name) && !(variables.get(name)!.literal && variables.get(name)!.value === '/dev/null'));
  if (file) return `\`${file}\` points git at settings (aliases, shell commands) in another file`;
  const settings: Setting[] = [];
  const parameters = variables.get('GIT_CONFIG_PARAMETERS');
  if (parameters) {
    const parsed = parameters.literal ? parseConfigParameters(parameters.value) : undefined;
    if (!parsed) return '`GIT_CONFIG_PARAMETERS` holds git settings only known at run time';
    settings.push(...parsed);
  }
  const count = variables.get('GIT_CONFIG_COUNT');
  if (count) {
    if (!count.literal || !/^\d{1,3}$/.test(count.value.trim())) return '`GIT_CONFIG_COUNT` is only known at run time';
    for (let index = 0; index < Number(count.value); index++) {
      const key = variables.get(`GIT_CONFIG_KEY_${index}`);
      const value = variables.get(`GIT_CONFIG_VALUE_${index}`) ?? literalWord('');
      if (!key) continue;
      if (!key.literal) return `\`GIT_CONFIG_KEY_${index}\` is only known at run time`;
      settings.push({ key: key.value.toLowerCase(), value });
    }
  }
  return settings;
}

/** `'key'='value' 'key2'='value2'` (or the older `'key=value'`), as git quotes them; undefined when malformed. */
function parseConfigParameters(value: string): Setting[] | undefined {
  const text = value.trim();
  const quoted = "'((?:[^']|'\\\\'')*)'";
  const entry = new RegExp(`\\s*${quoted}(?:=${quoted})?`, 'gy');
  const unquote = (value: string): string => value.replace(/'\\''/g, "'");
  const settings: Setting[] = [];
  let match: RegExpExecArray | null;
  while (entry.lastIndex < text.length && (match = entry.exec(text)) !== null) {
    const head = unquote(match[1]!);
    const equals = head.indexOf('=');
    const [key, value] = match[2] !== undefined ? [head, unquote(match[2])] : equals < 0 ? [head, 'true'] : [head.slice(0, equals), head.slice(equals + 1)];
    settings.push({ key: key.toLowerCase(), value: literalWord(value) });
  }
  // A failed match resets lastIndex to 0: anything unread makes the whole value unknown.
  return entry.lastIndex === text.length ? settings : undefined;
}

/** The global options without the `-c key=…` pair that sets `prefix`, so the expansion cannot expand again. */
function withoutSetting(globals: ShellWord[], prefix: string): ShellWord[] {
  const kept: ShellWord[] = [];
  for (let i = 0; i < globals.length; i++) {
    const word = globals[i] as ShellWord;
    const next = globals[i + 1];
    if (word.value === '-c' && next?.value.toLowerCase().startsWith(prefix)) i += 1;
    else if (!word.value.toLowerCase().startsWith(`-c${prefix}`)) kept.push(word);
  }
  return kept;
}

/** `-c key=value` settings with their value as a word; `--config-env key=VAR` values are computed. */
function readSettings(configs: ShellWord[], fromEnvironment: ShellWord[]): Setting[] {
  const settings: Setting[] = [];
  for (const word of configs) {
    // The word is `key=value` or, attached, `-ckey=value`.
    const text = word.value.startsWith('-c') ? word.value.slice(2) : word.value;
    const equals = text.indexOf('=');
    const key = (equals < 0 ? text : text.slice(0, equals)).toLowerCase();
    const value = equals < 0 ? literalWord('true') : word.literal ? literalWord(text.slice(equals + 1)) : word;
    settings.push({ key, value });
  }
  for (const word of fromEnvironment) {
    const text = word.value.replace(/^--config-env=/, '');
    const equals = text.indexOf('=');
    settings.push({ key: (equals < 0 ? text : text.slice(0, equals)).toLowerCase(), value: { ...word, literal: false } });
  }
  return settings;
}
