/**
 * @module `tollgate attest verify`: check a deploy attestation offline against the public key.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { DEPLOY_PREDICATE_TYPE, type DeployPredicate } from '../../attest/assemble-deploy-statement.js';
import { PUBLIC_KEY_FILE, defaultKeysDir } from '../../attest/read-keys.js';
import { verifyAttestation } from '../../attest/verify-attestation.js';
import { EXIT, UsageError } from '../cli-error.js';
import { printJson, stdoutColors, type OutputFormat } from '../print-outcome.js';
import { formatOption } from '../with-gateway.js';

const SCHEMA = 'tollgate.attest-verify/v1';

interface AttestFlags {
  key?: string;
  commit?: string;
  env?: string;
  format: OutputFormat;
}

export function register(program: Command): void {
  const attest = program.command('attest').description('deploy attestations (in-toto statements in DSSE envelopes, ed25519)');
  attest
    .command('verify <file>')
    .description('check an attestation offline: signature, statement, and optionally its commit and environment (exit 0 valid, 1 invalid, 2 usage error)')
    .option('--key <pub>', 'PEM public key to check against (default .tollgate/keys/attestation.pub in the repository)')
    .option('--commit <sha>', 'also require the attestation to be for this commit')
    .option('--env <env>', 'also require the attestation to be for this environment')
    .addOption(formatOption())
    .action(async (file: string, flags: AttestFlags) => {
      const keyPath = flags.key ?? join(defaultKeysDir(await findRepoRoot(process.cwd()).catch(() => process.cwd())), PUBLIC_KEY_FILE);
      const [envelope, key] = await Promise.all([readInput(file, 'attestation'), readInput(keyPath, 'public key')]);
      const check = verifyAttestation(envelope, key);
      const problems: string[] = check.ok ? mismatches(check.statement, flags) : [check.reason];
      const predicate = check.ok && check.statement.predicateType === DEPLOY_PREDICATE_TYPE ? (check.statement.predicate as DeployPredicate) : undefined;
      if (flags.format === 'json') {
        printJson(SCHEMA, problems.length === 0 && check.ok ? { ok: true, keyId: check.keyId, statement: check.statement } : { ok: false, reasons: problems });
      } else if (problems.length > 0) {
        process.stdout.write(`${stdoutColors().red('✗')} attestation ${file} is not valid: ${problems.join('; ')}\n`);
      } else if (check.ok) {
        const subject = check.statement.subject[0]!.digest.gitCommit;
        const lines = [`${stdoutColors().green('✓')} attestation verified with key ${check.keyId.slice(0, 16)}…: commit ${subject}${predicate ? ` to ${predicate.env} at ${predicate.verifiedAt}` : ''}`];
        if (predicate) {
          lines.push(`  changes: ${predicate.changes.map((change) => change.digest.slice(0, 12)).join(', ') || 'none'}; approvals: ${predicate.approvals.map((approval) => approval.person).join(', ') || 'none'}`);
          if (predicate.breakGlass) lines.push(`  BREAK-GLASS #${predicate.breakGlass.id} by ${predicate.breakGlass.person}: ${predicate.breakGlass.reason}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      process.exitCode = problems.length === 0 ? EXIT.pass : EXIT.fail;
    });
}

/** What the statement says that the caller did not expect. */
function mismatches(statement: { subject: { digest: { gitCommit: string } }[]; predicateType: string; predicate: unknown }, flags: AttestFlags): string[] {
  const problems: string[] = [];
  const commit = statement.subject[0]?.digest.gitCommit ?? '';
  if (flags.commit && !(flags.commit.length >= 7 && commit.startsWith(flags.commit.toLowerCase()))) problems.push(`it is for commit \`${commit}\`, not \`${flags.commit}\``);
  if (flags.env) {
    const env = statement.predicateType === DEPLOY_PREDICATE_TYPE ? (statement.predicate as { env?: unknown }).env : undefined;
    if (env !== flags.env) problems.push(`it is for environment \`${String(env)}\`, not \`${flags.env}\``);
  }
  return problems;
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what} \`${path}\`: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
