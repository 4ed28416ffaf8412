/**
 * @module `tollgate guard …`, bundled on its own (dist/guard.cjs) because agents start it before
 * every action: hook mode (payload on stdin), `--command`, `install`, `uninstall`, `approve`, `log`.
 *
 * Arguments are read by hand and heavy modules load only when used, to keep start-up close to bare Node.
 */
import { accessSync, constants, fstatSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileGuardLog } from './log/file-guard-log.js';
import type { GuardLog } from './decision-log.js';
import type { HookAnswer } from './protocols/agent-protocol.js';
import { findRepoRoot } from './read-guard-context.js';
import { readDescriptor } from './read-stdin.js';
import { runCommandCheck } from './run-command-check.js';
import { parseGuardArguments } from './parse-guard-arguments.js';
import { type GuardIo, runHook } from './run-hook.js';
import type { ShellParser } from './shell/shell-syntax.js';

const USAGE = `usage:
  tollgate guard [--agent NAME]                 read one hook payload on stdin, answer in the agent's protocol
  tollgate guard --command "…" [--cwd DIR] [--format json|text]
  tollgate guard install --agent NAME [--project|--user] [--config NAME]
  tollgate guard uninstall --agent NAME [--project|--user] [--config NAME]
  tollgate guard approve [--command "…"]        a person allows one exact command once (needs a terminal)
  tollgate guard log [--limit N] [--format json|text]
agents: claude-code, codex, cursor, gemini, amazon-q, kiro, copilot, cline, generic
`;

function write(fd: number, text: string): void {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function processIo(): GuardIo {
  return {
    readInput: () => readDescriptor(0),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    write(answer: HookAnswer) {
      if (answer.stdout) write(1, answer.stdout);
      if (answer.stderr) write(2, answer.stderr);
    },
    warn: (message) => write(2, `tollgate guard: ${message}\n`),
    async loadFullParser(): Promise<ShellParser> {
      const { loadBashParser } = await import('./shell/load-bash-parser.js');
      return loadBashParser({ shortLived: true });
    },
    async openLog(repoRoot: string | undefined): Promise<GuardLog | undefined> {
      const env = process.env;
      const dataDir = env.TOLLGATE_DATA_DIR || (repoRoot ? join(repoRoot, '.tollgate') : undefined);
      if (!dataDir) return undefined;
      return fileGuardLog(dataDir, async () => {
        const { openGuardStore } = await import('./log/load-store.js');
        return openGuardStore({ ...(repoRoot ? { repoDir: repoRoot } : {}), env });
      });
    },
  };
}

function stdinIsTerminal(): boolean {
  try {
    const stat = fstatSync(0);
    // /dev/null is a character device too (major 1, minor 3 on Linux); it is an empty payload, not a person.
    return stat.isCharacterDevice() && stat.rdev !== 259;
  } catch {
    return false;
  }
}

/** The command an installed hook runs: `tollgate` when it is on PATH, else this installation's bin script. */
function hookCommand(explicit: string | undefined): string {
  if (explicit) return explicit;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'tollgate'), constants.X_OK);
      return 'tollgate guard';
    } catch {
      // Not in this PATH entry.
    }
  }
  const bin = resolve(fileURLToPath(import.meta.url), '..', '..', 'bin', 'tollgate.cjs');
  return `node ${JSON.stringify(bin)} guard`;
}

async function main(args: readonly string[]): Promise<number> {
  const io = processIo();
  const parsed = parseGuardArguments(args);
  if (parsed.error) {
    io.warn(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.flags.has('--help') || parsed.flags.has('-h') || parsed.subcommand === 'help') {
    write(1, USAGE);
    return 0;
  }
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'json' && format !== 'text') {
    io.warn(`\`--format\` must be json or text, not \`${format}\``);
    return 2;
  }
  const cwd = parsed.values.get('--cwd');
  const out = (text: string): void => write(1, text);
  switch (parsed.subcommand) {
    case 'install':
    case 'uninstall': {
      const agent = parsed.values.get('--agent');
      if (!agent) {
        io.warn(`\`${parsed.subcommand}\` needs --agent NAME\n${USAGE}`);
        return 2;
      }
      const projectDir = resolve(parsed.values.get('--dir') ?? findRepoRoot(process.cwd()) ?? process.cwd());
      const { runInstall } = await import('./install/run-install.js');
      const result = runInstall({
        agent,
        scope: parsed.flags.has('--user') ? 'user' : 'project',
        projectDir,
        home: process.env.HOME ?? homedir(),
        config: parsed.values.get('--config') ?? 'tollgate',
        command: hookCommand(parsed.values.get('--hook-command')),
        remove: parsed.subcommand === 'uninstall',
      });
      if ('error' in result) {
        io.warn(result.error);
        return 2;
      }
      out(`${result.message}\n`);
      return 0;
    }
    case 'approve': {
      const { runApprove } = await import('./run-approve.js');
      const { createInterface } = await import('node:readline');
      return runApprove({ ...(parsed.values.has('--command') ? { command: parsed.values.get('--command') as string } : {}), ...(cwd ? { cwd } : {}) }, {
        ...io,
        interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
        out,
        prompt: (question) => new Promise((answer) => {
          const rl = createInterface({ input: process.stdin, output: process.stdout });
          rl.question(question, (reply) => {
            rl.close();
            answer(reply);
          });
        }),
      });
    }
    case 'log': {
      const limit = Number(parsed.values.get('--limit') ?? '20');
      if (!Number.isInteger(limit) || limit < 1) {
        io.warn('`--limit` must be a positive whole number');
        return 2;
      }
      const { runLog } = await import('./run-log.js');
      return runLog({ limit, format, ...(cwd ? { cwd } : {}) }, { ...io, out });
    }
    default:
      break;
  }
  const command = parsed.values.get('--command');
  const catalog = parsed.values.get('--catalog');
  if (command !== undefined) return runCommandCheck({ command, format, ...(cwd ? { cwd } : {}), ...(catalog ? { catalog } : {}) }, io);
  // A terminal on stdin means a person typed `tollgate guard`: there is no payload coming. (fstat,
  // not `process.stdin.isTTY`: creating the stdin stream costs more than the whole decision.)
  if (stdinIsTerminal()) {
    io.warn(`hook mode reads a payload on stdin; to check a command, use --command\n${USAGE}`);
    return 2;
  }
  const timeoutMs = Number(parsed.values.get('--timeout-ms') ?? process.env.TOLLGATE_GUARD_TIMEOUT_MS ?? '10000');
  return runHook({ timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 10000, ...(parsed.values.has('--agent') ? { agent: parsed.values.get('--agent') as string } : {}), ...(catalog ? { catalog } : {}) }, io);
}

// Run when loaded as the guard bundle (directly, or through bin/tollgate.cjs with `guard` first).
const argv = process.argv[2] === 'guard' ? process.argv.slice(3) : process.argv.slice(2);
process.on('uncaughtException', (error) => {
  write(2, `tollgate guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
main(argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    write(2, `tollgate guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
