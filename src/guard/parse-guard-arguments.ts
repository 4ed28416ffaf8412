/**
 * @module Reads `tollgate guard` arguments by hand: no parser library, because this runs before
 * every agent action and each module loaded costs start-up time.
 */

const VALUE_FLAGS = new Set(['--agent', '--command', '--cwd', '--format', '--catalog', '--timeout-ms', '--limit', '--config', '--hook-command', '--dir']);
const BOOLEAN_FLAGS = new Set(['--project', '--user', '--help', '-h']);
const SUBCOMMANDS = new Set(['install', 'uninstall', 'approve', 'log', 'help']);

export interface ParsedGuardArguments {
  subcommand?: string;
  values: Map<string, string>;
  flags: Set<string>;
  error?: string;
}

/** Parses the arguments after `tollgate guard`; `error` names the first one it cannot read. */
export function parseGuardArguments(args: readonly string[]): ParsedGuardArguments {
  const parsed: ParsedGuardArguments = { values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (VALUE_FLAGS.has(name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
      if (value === undefined) return { ...parsed, error: `\`${name}\` needs a value` };
      parsed.values.set(name, value);
    } else if (BOOLEAN_FLAGS.has(arg)) {
      parsed.flags.add(arg);
    } else if (i === 0 && SUBCOMMANDS.has(arg)) {
      parsed.subcommand = arg;
    } else {
      return { ...parsed, error: `unknown argument \`${arg}\`` };
    }
  }
  return parsed;
}
