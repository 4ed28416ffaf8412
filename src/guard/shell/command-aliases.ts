/**
 * @module Names a script makes run something else: `alias del='rm -rf'` (expanded where the shell
 * expands aliases: interactive shells, and agents' shells that load the user's configuration) and
 * `hash -p /bin/rm del` (bash's command table: `del` runs `/bin/rm`, in any shell).
 *
 * Read for the whole script, wherever the definition stands: a command before it is read as the
 * alias too, which can only add friction.
 */
import { commandName } from './command-name.js';
import { literalWord } from './decode-word.js';
import type { ShellParser, ShellWord, SimpleCommand } from './shell-syntax.js';

/**
 * By lower-case name: the words a name stands for, or `null` when the guard cannot tell (a value
 * computed at run time, or one that runs several commands).
 */
export type CommandAliases = ReadonlyMap<string, readonly ShellWord[] | null>;

const ALIAS_DEFINITION = /^([^=\s/$`"'\\\uFFFD]+)=([\s\S]*)$/;

/** The aliases and hashed paths `commands` define. Shell text an alias holds is read with `parser`. */
export function commandAliases(commands: readonly SimpleCommand[], parser: ShellParser): Map<string, readonly ShellWord[] | null> {
  const aliases = new Map<string, readonly ShellWord[] | null>();
  for (const command of commands) {
    const name = commandName(command.words[0]);
    const args = command.words.slice(1);
    if (name === 'alias') {
      for (const word of args) {
        // A value computed at run time (`alias del="$RM"`) still names the alias before its `=`.
        const definition = ALIAS_DEFINITION.exec(word.value);
        if (definition) aliases.set(definition[1]!.toLowerCase(), word.literal ? aliasWords(definition[2]!, parser) : null);
      }
    } else if (name === 'hash') {
      // `hash -p PATH NAME…` (the letter may stand with others: `-rp`).
      const option = args.findIndex((word) => /^-[a-z]*p[a-z]*$/.test(word.value));
      if (option < 0) continue;
      const path = args[option + 1];
      for (const hashed of args.slice(option + 2)) {
        if (hashed.literal) aliases.set(hashed.value.toLowerCase(), path?.literal ? [literalWord(path.value)] : null);
      }
    }
  }
  return aliases;
}

/** The words an alias's text stands for, when it is one simple command. */
function aliasWords(text: string, parser: ShellParser): readonly ShellWord[] | null {
  const script = parser.parse(text);
  const [command, ...more] = script.commands;
  if (!command || more.length > 0 || script.problems.length > 0 || command.assignments.length > 0 || command.redirects.length > 0) return null;
  return command.words;
}
