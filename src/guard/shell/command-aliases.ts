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
      }
    } else if (name === 'hash') {
      // `hash -p PATH NAME…`, the letter possibly among others (`-rp`) or the path attached (`-p/bin/rm`).
      const option = args.findIndex((word) => HASH_PATH_OPTION.test(word.value));
      if (option < 0) continue;
      const attached = HASH_PATH_OPTION.exec(args[option]!.value)![1]!;
      const path = attached !== '' ? (args[option]!.literal ? literalWord(attached) : undefined) : args[option + 1];
      for (const hashed of args.slice(option + (attached !== '' ? 1 : 2))) {
        if (hashed.literal) aliases.set(hashed.value.toLowerCase(), path?.literal ? [literalWord(path.value)] : null);
      }
    }
  }
  // `BASH_CMDS[del]=/bin/rm`, `BASH_CMDS+=([del]=/bin/rm)`: the same table as `hash -p`.
  for (const { name, value } of [...script.assignments, ...script.commands.flatMap((command) => command.assignments)]) {
    const entry = /^BASH_CMDS\[(.+)\]$/.exec(name);
    if (entry) {
      aliases.set(entry[1]!.toLowerCase(), value.literal ? [literalWord(value.value)] : null);
      continue;
    }
    if (name !== 'BASH_CMDS') continue;
    const pairs = value.literal ? [...value.value.matchAll(/\[([^\]]+)\]=([^\s)]+)/g)] : [];
    if (pairs.length === 0) unknownNames = '`BASH_CMDS` is filled with names only known at run time';
    for (const [, hashed, path] of pairs) aliases.set(hashed!.toLowerCase(), [literalWord(path!)]);
  }
  return unknownNames ? { aliases, unknownNames } : { aliases };
}

const HASH_PATH_OPTION = /^-[a-z]*p(.*)$/s;

/** The words an alias's text stands for, when it is one simple command. */
function aliasWords(text: string, parser: ShellParser): readonly ShellWord[] | null {
  const script = parser.parse(text);
  const [command, ...more] = script.commands;
  if (!command || more.length > 0 || script.problems.length > 0 || command.assignments.length > 0 || command.redirects.length > 0) return null;
  return command.words;
}
