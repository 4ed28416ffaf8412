/**
 * @module git as a command that runs other commands: `-c alias.x='!cmd'` aliases and `-c` settings
 * whose value git hands to a shell (`core.sshCommand`, `core.pager`, `diff.external`, …).
 *
 * A `!` alias replaces the git command with shell code; a plain alias expands into another git
 * command; a shell-valued setting runs beside the git command, which is still judged itself.
 */
import { literalWord } from './decode-word.js';
import { parseArguments } from './parse-arguments.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

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
const NOT_A_COMMAND = new Set(['', 'true', 'false', 'yes', 'no', 'on', 'off', '1', '0']);

interface Setting {
  key: string;
  value: ShellWord;
}

/** One unwrapping step for `git …` (`args` without the command name). */
export function unwrapGit(args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, GLOBAL);
  const settings = readSettings(parsed.valueWords.get('-c') ?? [], parsed.valueWords.get('--config-env') ?? []);
  const subcommand = args[parsed.stop];
  const alias = subcommand && settings.find((setting) => setting.key === `alias.${subcommand.value.toLowerCase()}`);
  if (alias) {
    if (!alias.value.literal) return { kind: 'uncertain', reason: `the git alias \`${subcommand.value}\` is only known at run time` };
    const expansion = alias.value.value.trim();
    if (expansion.startsWith('!')) return { kind: 'source', label: `git alias ${subcommand.value}`, text: expansion.slice(1) };
    const words = expansion.split(/\s+/).filter((word) => word !== '').map((word) => literalWord(word));
    const others = withoutSetting(args.slice(0, parsed.stop), `alias.${subcommand.value.toLowerCase()}=`);
    return { kind: 'wrapped', label: `git alias ${subcommand.value}`, rest: [literalWord('git'), ...others, ...words, ...args.slice(parsed.stop + 1)] };
  }
  const commands = settings
    .filter((setting) => SHELL_SETTINGS.some((pattern) => pattern.test(setting.key)))
    .filter((setting) => !(setting.value.literal && NOT_A_COMMAND.has(setting.value.value.trim().toLowerCase())))
    // git runs a credential helper through the shell only when it starts with `!`.
    .filter((setting) => !/helper$/.test(setting.key) || !setting.value.literal || setting.value.value.trim().startsWith('!'))
    .map((setting) => [literalWord('sh'), literalWord('-c'), setting.value.literal ? literalWord(setting.value.value.trim().replace(/^!/, '')) : setting.value]);
  return commands.length > 0 ? { kind: 'many', label: 'git -c', commands, keepSelf: true } : { kind: 'final' };
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
