/**
 * @module `tollgate serve`: the HTTP API and web UI (SQLite by default, PostgreSQL with `TOLLGATE_DATABASE_URL`).
 */
import type { Command } from 'commander';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { readServerConfig, type ServeFlags } from '../../server/config/server-config.js';
import { openServerDeps, type OpenedServer } from '../../server/open-server-deps.js';
import { startServer } from '../../server/start-server.js';
import { UsageError } from '../cli-error.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and web UI for reviewers, auditors, CI and agents (see docs/server.md)')
    .option('--port <port>', 'port to listen on (default 8080, or $TOLLGATE_PORT)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1, or $TOLLGATE_HOST)')
    .option('--demo', 'seed a demo organisation into an empty store and offer one-click demo sign-in')
    .option('--catalog <file>', 'catalog to serve (default tollgate.yaml in the repository, or $TOLLGATE_CATALOG)')
    .option('--data-dir <dir>', 'folder of the SQLite store (default .tollgate/, or $TOLLGATE_DATA_DIR)')
    .action(async (flags: ServeFlags) => {
      const cwd = process.cwd();
      const repoDir = await findRepoRoot(cwd).catch(() => cwd);
      const read = readServerConfig(flags, process.env, repoDir);
      if (read.errors) throw new UsageError(read.errors.join('\n'));
      let opened: OpenedServer;
      try {
        opened = await openServerDeps(read.config, process.env);
      } catch (error) {
        throw new UsageError(`cannot start the server: ${(error as Error).message}`);
      }
      const running = await startServer(opened).catch(async (error: unknown) => {
        await opened.close();
        throw new UsageError(`cannot listen on ${read.config.host}:${read.config.port}: ${(error as Error).message}`);
      });
      // Handlers first, banner second: whoever reads the banner may signal at once.
      const stopped = new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          opened.deps.logger.info({ signal }, 'signal received');
          running.stop().then(resolve, (error: unknown) => {
            opened.deps.logger.error({ err: error }, 'shutdown failed');
            process.exitCode = 1;
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      process.stderr.write(banner(running.url, opened));
      await stopped;
    });
}

/** What a person starting the server needs to know: where it is, where the data is, how to sign in. */
function banner(url: string, opened: OpenedServer): string {
  const { deps, seeded } = opened;
  const lines = [``, `Tollgate is running at ${url}`, `  store: ${deps.store.kind} ${deps.store.location}`];
  if (deps.config.demo) {
    const first = deps.demoLogins[0];
    if (seeded) lines.push(`  demo:  seeded ${seeded.changes} changes and ${seeded.deploys} deploys of a sample organisation`);
    lines.push(`  sign in: open ${url}/login and click "Sign in as ${first?.person ?? 'dave'}" (demo login, no password)`);
    for (const token of seeded?.tokens ?? []) {
      lines.push(`  cli (${token.role} ${token.person}): TOLLGATE_SERVER=${url} TOLLGATE_TOKEN=${token.token} npx tollgate status <digest>`);
    }
  } else {
    lines.push(`  sign in: create a token with \`tollgate token create --as YOU --role approver\` and paste it at ${url}/login`);
  }
  if (!deps.signingKey) lines.push('  note:  no attestation key (`tollgate keys init`): the deploy gate refuses every deploy (fails closed)');
  return `${lines.join('\n')}\n\n`;
}
