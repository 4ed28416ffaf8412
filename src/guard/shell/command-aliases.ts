/**
 * @module Names a script makes run something else: `alias del='rm -rf'` (expanded where the shell
 * expands aliases: interactive shells, and agents' shells that load the user's configuration),
 * `hash -p /bin/rm del` and `BASH_CMDS[del]=/bin/rm` (bash's command table: `del` runs `/bin/rm`).
 *
 * Read for the whole script, wherever the definition stands, and judged beside the name itself
 * (`expand-invocations.ts`): a command read as its alias as well can only add friction.
 */
import { commandName } from './command-name.js';
import { literalWord } from './decode-word.js';
import type { ShellParser, ShellScript, ShellWord } from './shell-syntax.js';

/**
 * By lower-case name: the words a name stands for, or `null` when the guard cannot tell (a value
 * computed at run time, or one that runs several commands).
 */
export type CommandAliases = ReadonlyMap<string, readonly ShellWord[] | null>;

const ALIAS_DEFINITION = /^([^=\s/$`"'\\\uFFFD]+)=([\s\S]*)$/;

/** What a script defines: its aliases, and why some name may run an unknown program (when it may). */
export interface DefinedAliases {
  aliases: Map<string, readonly ShellWord[] | null>;
  /** Set when the script fills bash's command table in a way whose names cannot be read. */
  unknownNames?: string;
}

/** The aliases and hashed paths a script defines. Shell text an alias holds is read with `parser`. */
export function commandAliases(script: Pick<ShellScript, 'commands' | 'assignments'>, parser: ShellParser): DefinedAliases {
  const aliases = new Map<string, readonly ShellWord[] | null>();
  let unknownNames: string | undefined;
  for (const command of script.commands) {
    const name = commandName(command.words[0]);
    const args = command.words.slice(1);
    if (name === 'alias') {
      for (const word of args) {
        // A value computed at run time (`alias del="$RM"`) still names the alias before its `=`.
        const definition = ALIAS_DEFINITION.exec(word.value);
        if (definition) aliases.set(definition[1]!.toLowerCase(), word.literal ? aliasWords(definition[2]!, parser) : null);
        else if (!word.literal && word.value.includes('=')) unknownNames = '`alias` defines a command name only known at run time';
      }
    } else if (name === 'hash') {
      // `hash -p PATH NAME…`, the letter possibly among others (`-rp`) or the path attached (`-p/bin/rm`).
      const option = args.findIndex((word) => HASH_PATH_OPTION.test(word.value));
      if (option < 0) continue;
      const attached = HASH_PATH_OPTION.exec(args[option]!.value)![1]!;
      const path = attached !== '' ? (args[option]!.literal ? literalWord(attached) : undefined) : args[option + 1];
      for (const hashed of args.slice(option + (attached !== '' ? 1 : 2))) {
        if (hashed.literal) aliases.set(hashed.value.toLowerCase(), path?.literal ? [literalWord(path.value)] : null);
        else unknownNames = '`hash -p` defines a command name only known at run time';
      }
    }
  }
  // `BASH_CMDS[del]=/bin/rm`, `BASH_CMDS+=([del]=/bin/rm)`: the same table as `hash -p`;
  // `BASH_ALIASES[del]='rm -rf'`: the alias table.
  for (const { name, value } of [...script.assignments, ...script.commands.flatMap((command) => command.assignments)]) {
    const table = /^BASH_(CMDS|ALIASES)(?:\[(.+)\])?$/.exec(name);
    if (!table) continue;
    const entry = (key: string, text: string | undefined): void => {
      const bare = unquoted(key);
      if (bare === undefined || text === undefined) unknownNames = `\`BASH_${table[1]}\` is filled with names or commands only known at run time`;
      else aliases.set(bare.toLowerCase(), table[1] === 'CMDS' ? [literalWord(unquoted(text) ?? text)] : aliasWords(unquoted(text) ?? text, parser));
    };
    if (table[2] !== undefined) {
      entry(table[2], value.literal ? value.value : undefined);
      continue;
    }
    const pairs = value.literal ? [...value.value.matchAll(/\[([^\]]+)\]=("[^"]*"|'[^']*'|[^\s)]+)/g)] : [];
    if (pairs.length === 0) entry('$', undefined);
    for (const [, key, text] of pairs) entry(key!, text);
  }
  // Set any other way (`printf -v 'BASH_CMDS[del]' …`, `read`, `declare`): names the guard cannot read.
  const TABLE_NAME = /BASH_(?:CMDS|ALIASES)/;
  const named =
    script.commands.some((command) => command.words.slice(1).some((word) => TABLE_NAME.test(word.value))) ||
    // Named through a variable: `n=BASH_CMDS; printf -v "${n}[ls]" …`.
    [...script.assignments, ...script.commands.flatMap((command) => command.assignments)].some(({ value }) => TABLE_NAME.test(value.value));
  if (named) unknownNames ??= '`BASH_CMDS` or `BASH_ALIASES` is set in a way the guard does not read';
  return unknownNames ? { aliases, unknownNames } : { aliases };
}

const HASH_PATH_OPTION = /^-[a-z]*p(.*)$/s;

/** A key or value without its quotes (`"del"` → `del`); undefined when it holds a run-time part. */
function unquoted(text: string): string | undefined {
  const bare = /^(["'])(.*)\1$/s.exec(text)?.[2] ?? text;
  return /[$`\uFFFD]/.test(bare) ? undefined : bare;
}

/** Aliases whose text ends in a blank: the shell expands the word after them as an alias too. */
const CHAINING = new WeakSet<readonly ShellWord[]>();

/** Whether an alias's words came from a text ending in a blank (`alias s='sudo '`). */
export function chainsNextWord(words: readonly ShellWord[]): boolean {
  return CHAINING.has(words);
}

/** The words an alias's text stands for, when it is one simple command. */
function aliasWords(text: string, parser: ShellParser): readonly ShellWord[] | null {
  const script = parser.parse(text);
  const [command, ...more] = script.commands;
  if (!command || more.length > 0 || script.problems.length > 0 || command.assignments.length > 0 || command.redirects.length > 0) return null;
  if (/\s$/.test(text)) CHAINING.add(command.words);
  return command.words;
}
