/**
 * @module Database clients that run shell commands of their own: psql's and mysql's `\!`, mysql's
 * `system`, sqlite3's `.shell` and `.system`. The client call is judged for its SQL as well.
 */
import { literalWord } from './decode-word.js';
import { type ArgumentSpec, parseArguments } from './parse-arguments.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

interface Client {
  spec: ArgumentSpec;
  /** Options whose values are commands for the client. */
  commandOptions: readonly string[];
  /** Client commands that hand the rest of their line to a shell. */
  shellCommand: RegExp;
  /** Whether positionals after the first (the database file) are commands too (sqlite3). */
  positionalCommands: boolean;
}

const CLIENTS: Record<string, Client> = {
  psql: {
    spec: { shortWithValue: 'cfhdUpvPoLTFRX', longWithValue: ['command', 'file', 'host', 'dbname', 'username', 'port', 'set', 'variable', 'pset', 'output', 'log-file'] },
    commandOptions: ['-c', '--command'],
    shellCommand: /^\s*\\!\s*(.*)$/,
    positionalCommands: false,
  },
  mysql: {
    spec: { shortWithValue: 'ehDuPSo', longWithValue: ['execute', 'host', 'database', 'user', 'port', 'socket', 'defaults-file', 'login-path'] },
    commandOptions: ['-e', '--execute'],
    shellCommand: /^\s*(?:\\!|system\s)\s*(.*)$/i,
    positionalCommands: false,
  },
  sqlite3: {
    spec: { longWithValue: ['cmd'] },
    commandOptions: ['--cmd'],
    shellCommand: /^\s*\.(?:shell|system)\s+(.*)$/,
    positionalCommands: true,
  },
};
const ALIASES: Record<string, string> = { mariadb: 'mysql', sqlite: 'sqlite3' };

/** The shell commands a database client call runs besides its SQL, or `final` when it runs none. */
export function unwrapDatabaseShell(name: string, args: ShellWord[]): UnwrapStep {
  const client = CLIENTS[ALIASES[name] ?? name];
  if (!client) return { kind: 'final' };
  const parsed = parseArguments(args, client.spec);
  const texts = client.commandOptions.flatMap((option) => parsed.values.get(option) ?? []);
  if (client.positionalCommands) texts.push(...parsed.positionals.slice(1).map((word) => word.value));
  const commands: ShellWord[][] = [];
  for (const text of texts) {
    for (const line of text.split(/\r?\n/)) {
      // A client command starts a line or follows a `;`, and its shell command runs to the end of
      // the line, `;` included (`\! rm -rf a; rm -rf b`).
      const parts = line.split(';');
      parts.forEach((_, index) => {
        const shell = client.shellCommand.exec(parts.slice(index).join(';'))?.[1]?.trim();
        if (shell) commands.push([literalWord('sh'), literalWord('-c'), literalWord(shell)]);
      });
    }
  }
  return commands.length > 0 ? { kind: 'many', label: `${name} shell escape`, commands, keepSelf: true } : { kind: 'final' };
}
