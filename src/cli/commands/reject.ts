/**
 * @module `tollgate reject`: block a change until the same person withdraws the rejection (`--withdraw`).
 */
import type { Command } from 'commander';
import { EXIT, UsageError } from '../cli-error.js';
import { printJson, printRefusal, short, stdoutColors, type OutputFormat } from '../print-outcome.js';
import { catalogOption, formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.reject/v1';

interface RejectFlags {
  as?: string;
  reason?: string;
  withdraw?: boolean;
  comment?: string;
  catalog?: string;
  format: OutputFormat;
}

export function register(program: Command): void {
  program
    .command('reject <digest>')
    .description('reject a recorded change: it stays blocked, new pushes included, until you withdraw (exit 0 recorded, 1 refused, 2 usage error)')
    .option('--as <person>', 'who rejects (default: $TOLLGATE_USER, else git user.email mapped through the catalog)')
    .option('--reason <text>', 'why (required to reject)')
    .option('--withdraw', 'withdraw your earlier rejection of this change instead')
    .option('--comment <text>', 'a comment stored with a withdrawal')
    .addOption(catalogOption())
    .addOption(formatOption())
    .action(async (digestOrPrefix: string, flags: RejectFlags) => {
      const kind = flags.withdraw ? 'withdraw' : 'reject';
      if (kind === 'reject' && !flags.reason?.trim()) throw new UsageError('a rejection needs a reason: `--reason TEXT`');
      if (kind === 'withdraw' && flags.reason) throw new UsageError('`--reason` is for rejecting; a withdrawal takes `--comment`');
      const what = kind === 'reject' ? 'rejection' : 'withdrawal';
      await withGateway(flags, { schema: SCHEMA, what }, async ({ gateway }) => {
        const identity = await gateway.identify(flags.as);
        if (!identity.ok) return printRefusal(identity, flags.format, SCHEMA, what);
        const decided = await gateway.decide({
          kind,
          digestOrPrefix,
          person: identity.value.person,
          ...(flags.reason ? { reason: flags.reason } : {}),
          ...(flags.comment ? { comment: flags.comment } : {}),
        });
        if (!decided.ok) return printRefusal(decided, flags.format, SCHEMA, what);
        const result = decided.value;
        if (flags.format === 'json') printJson(SCHEMA, { ok: true, ...result });
        else {
          const c = stdoutColors();
          const text =
            kind === 'reject'
              ? `${c.red('✗')} ${result.person} rejected ${short(result.digest)}${result.alreadyRecorded ? ' (already rejected: nothing new recorded)' : ''}: it is blocked until they withdraw (\`tollgate reject --withdraw ${short(result.digest)}\`)`
              : `${c.green('✓')} ${result.person} withdrew their rejection of ${short(result.digest)}`;
          process.stdout.write(`${text}\n`);
        }
        process.exitCode = EXIT.pass;
      });
    });
}
