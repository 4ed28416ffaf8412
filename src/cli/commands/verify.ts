/**
 * @module `tollgate verify`: the deploy gate. Passes only if every commit going out was approved as it is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ensureTollgateDir } from '../../app/ensure-tollgate-dir.js';
import type { Refusal, WorkflowGateway } from '../../app/workflow-gateway.js';
import { readDeployCommits } from '../../git/read-deploy-commits.js';
import type { VerifyDeployResult } from '../../workflow/verify-deploy.js';
import { EXIT, UsageError } from '../cli-error.js';
import { formatVerifyText } from '../format/format-verify-text.js';
import { printJson, type OutputFormat } from '../print-outcome.js';
import { useColor } from '../use-color.js';
import { catalogOption, formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.verify/v1';
const ENV = /^[A-Za-z0-9._-]{1,100}$/;

interface VerifyFlags {
  env: string;
  commit: string;
  since?: string;
  attestationOut?: string;
  catalog?: string;
  format: OutputFormat;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('the deploy gate: pass only if every commit in the range belongs to an approved recorded change (exit 0 pass, 1 fail, 2 usage error)')
    .requiredOption('--env <env>', 'target environment, e.g. production')
    .requiredOption('--commit <sha>', 'the commit about to be deployed')
    .option('--since <sha>', 'the commit deployed last: every commit in since..commit is checked (default: the commit alone)')
    .option('--attestation-out <file>', 'where to write the signed attestation on pass (default .tollgate/attestations/<sha>-<env>.dsse.json)')
    .addOption(catalogOption())
    .addOption(formatOption())
    .action(async (flags: VerifyFlags) => {
      if (!ENV.test(flags.env)) throw new UsageError(`\`--env ${flags.env}\`: an environment name uses letters, digits, \`.\`, \`_\` and \`-\``);
      const failClosed = (refusal: Refusal): void => report(flags, failure(flags, [`${refusal.reason}: the gate fails closed`]));
      await withGateway(flags, { schema: SCHEMA, what: 'verify', onUnavailable: failClosed }, async ({ gateway, repoDir }) => {
        if (!repoDir) throw new UsageError('`tollgate verify` resolves the commit range with git: run it inside the repository');
        const deploy = await readDeployCommits(repoDir, flags.commit, flags.since);
        if (!deploy.ok) return report(flags, await auditedFailure(gateway, flags, deploy.reason));
        if (!flags.since) process.stderr.write(`note: no --since: only ${deploy.commit.slice(0, 12)} itself is checked; pass --since LAST_DEPLOYED_SHA to check every commit going out\n`);
        const actor = gateway.mode === 'local' ? await gateway.identify().then((identity) => (identity.ok ? identity.value.person : undefined)) : undefined;
        const answer = await gateway.verify({ env: flags.env, commit: deploy.commit, ...(deploy.since ? { since: deploy.since } : {}), commits: deploy.commits, ...(actor ? { actor } : {}) });
        if (!answer.ok) {
          if (answer.code === 'no-signing-key' || answer.code === 'bad-signing-key') throw new UsageError(answer.reason);
          return failClosed(answer);
        }
        const result = answer.value;
        const path = result.ok ? await writeAttestation(result.attestation, flags, repoDir, deploy.commit) : undefined;
        report(flags, result, path);
      });
    });
}

/** Prints the gate's answer and sets the exit code: 0 only on a pass. */
function report(flags: VerifyFlags, result: VerifyDeployResult, attestationPath?: string): void {
  if (flags.format === 'json') {
    printJson(SCHEMA, { ...result, ...(attestationPath ? { attestationPath } : {}) });
  } else {
    process.stdout.write(formatVerifyText(result, attestationPath, useColor(process.stdout)));
  }
  process.exitCode = result.ok ? EXIT.pass : EXIT.fail;
}

function failure(flags: VerifyFlags, errors: string[]): VerifyDeployResult {
  return { ok: false, env: flags.env, commit: flags.commit, unapproved: [], freezes: [], errors };
}

/**
 * A commit git does not know fails closed. When it looks like a sha the gate still runs with no
 * commits, so the refusal is audited as `verify.failed` like every other.
 */
async function auditedFailure(gateway: WorkflowGateway, flags: VerifyFlags, reason: string): Promise<VerifyDeployResult> {
  if (!/^[0-9a-f]{4,64}$/i.test(flags.commit)) return failure(flags, [reason]);
  await gateway.verify({ env: flags.env, commit: flags.commit.toLowerCase(), commits: [] });
  return failure(flags, [reason]);
}

async function writeAttestation(envelope: object, flags: VerifyFlags, repoDir: string, commit: string): Promise<string> {
  const path = flags.attestationOut ? resolve(flags.attestationOut) : join(await ensureTollgateDir(repoDir), 'attestations', `${commit}-${flags.env}.dsse.json`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(envelope, null, 2)}\n`);
  return path;
}
