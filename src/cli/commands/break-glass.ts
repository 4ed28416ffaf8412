/**
 * @module `tollgate break-glass`: a loud, audited, time-boxed override of the deploy gate for one commit.
 */
import type { Command } from 'commander';
import { parseDurationMinutes } from '../../app/parse-duration.js';
import { resolveCommitSha } from '../../git/read-deploy-commits.js';
import { DEFAULT_BREAK_GLASS_MINUTES, MAX_BREAK_GLASS_MINUTES } from '../../workflow/break-glass.js';
import { EXIT, UsageError } from '../cli-error.js';
import { printJson, printRefusal, stdoutColors, type OutputFormat } from '../print-outcome.js';
import { catalogOption, formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.break-glass/v1';

interface BreakGlassFlags {
  env: string;
  commit: string;
  as?: string;
  reason: string;
  incident?: string;
  for?: string;
  catalog?: string;
  format: OutputFormat;
}

export function register(program: Command): void {
  program
    .command('break-glass')
    .description('let `verify` pass for one commit and environment for a while: audited, loud, and owed a retro review within 48 h')
    .requiredOption('--env <env>', 'environment, e.g. production')
    .requiredOption('--commit <sha>', 'the commit to let through')
    .option('--as <person>', 'who breaks the glass (default: $TOLLGATE_USER, else git user.email mapped through the catalog)')
    .requiredOption('--reason <text>', 'why: stored in the audit log for everyone to read')
    .option('--incident <id>', 'the incident this is for, e.g. INC-1234')
    .option('--for <duration>', `how long verify passes, e.g. 90m, 4h (default ${DEFAULT_BREAK_GLASS_MINUTES / 60}h, at most ${MAX_BREAK_GLASS_MINUTES / 60}h)`)
    .addOption(catalogOption())
    .addOption(formatOption())
    .action(async (flags: BreakGlassFlags) => {
      const minutes = flags.for === undefined ? undefined : parseDurationMinutes(flags.for);
      if (flags.for !== undefined && minutes === undefined) throw new UsageError(`\`--for ${flags.for}\` is not a duration: use minutes or hours, e.g. \`90m\` or \`4h\``);
      if (minutes !== undefined && minutes > MAX_BREAK_GLASS_MINUTES) throw new UsageError(`\`--for ${flags.for}\`: an override lasts at most ${MAX_BREAK_GLASS_MINUTES / 60}h`);
      if (!flags.reason.trim()) throw new UsageError('breaking glass needs a reason: `--reason TEXT`');
      await withGateway(flags, { schema: SCHEMA, what: 'break-glass' }, async ({ gateway, repoDir }) => {
        // `verify` matches the full sha, so a short one must be expanded here, where git knows it.
        const commit = (repoDir ? await resolveCommitSha(repoDir, flags.commit) : undefined) ?? (/^[0-9a-f]{40,64}$/i.test(flags.commit) ? flags.commit.toLowerCase() : undefined);
        if (!commit) throw new UsageError(`unknown commit \`${flags.commit}\`${repoDir ? ` in \`${repoDir}\`` : ''}: give the full sha`);
        const identity = await gateway.identify(flags.as);
        if (!identity.ok) return printRefusal(identity, flags.format, SCHEMA, 'break-glass');
        const answer = await gateway.breakGlass({
          env: flags.env,
          commit,
          person: identity.value.person,
          reason: flags.reason,
          ...(flags.incident ? { incident: flags.incident } : {}),
          ...(minutes !== undefined ? { durationMinutes: minutes } : {}),
        });
        if (!answer.ok) return printRefusal(answer, flags.format, SCHEMA, 'break-glass');
        const record = answer.value;
        if (flags.format === 'json') printJson(SCHEMA, { ok: true, ...record });
        else {
          const c = stdoutColors();
          process.stdout.write(
            [
              c.bold(c.red(`!!! BREAK-GLASS #${record.id}: \`tollgate verify\` passes for ${record.commit.slice(0, 12)} to ${record.env} until ${record.expiresAt}`)),
              c.red(`    by ${record.person}: ${record.reason}${record.incident ? ` (incident ${record.incident})` : ''}`),
              '    recorded in the audit log for the system owners, directors and auditors to see.',
              `    retro review: the change still needs its normal approvals by ${record.reviewDueAt}; until then it shows as pending, after that as OVERDUE.`,
              '',
            ].join('\n'),
          );
        }
        process.stderr.write(`tollgate: break-glass #${record.id} is in force for ${record.commit.slice(0, 12)} to ${record.env}\n`);
        process.exitCode = EXIT.pass;
      });
    });
}
