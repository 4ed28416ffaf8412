/**
 * @module `tollgate audit verify`: re-hash the whole chain and name the first bad sequence number.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { PUBLIC_KEY_FILE, defaultKeysDir } from '../../attest/read-keys.js';
import { readCheckpointFile } from '../../attest/checkpoint-file.js';
import type { Checkpoint } from '../../store/store.js';
import { EXIT, UsageError } from '../cli-error.js';
import { printJson, printRefusal, stdoutColors, type OutputFormat } from '../print-outcome.js';
import { formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.audit-verify/v1';

interface AuditVerifyFlags {
  checkpoint?: string;
  key?: string;
  format: OutputFormat;
}

export function registerAuditVerify(audit: Command): void {
  audit
    .command('verify')
    .description('check every event against its hash and the chain (exit 0 intact, 1 tampered, 2 usage error)')
    .option('--checkpoint <file>', 'an exported checkpoint kept elsewhere: the log must still reach it (detects truncation)')
    .option('--key <pub>', 'PEM public key to check checkpoint signatures with (default .tollgate/keys/attestation.pub, locally)')
    .addOption(formatOption())
    .action(async (flags: AuditVerifyFlags) => {
      let checkpoint: Checkpoint | undefined;
      if (flags.checkpoint) {
        const parsed = await readCheckpointFile(flags.checkpoint);
        if (!parsed.ok) throw new UsageError(parsed.message);
        checkpoint = parsed.checkpoint;
      }
      await withGateway(flags, { schema: SCHEMA, what: 'audit verify', catalog: false }, async ({ gateway, repoDir }) => {
        const defaultKey = repoDir ? join(defaultKeysDir(repoDir), PUBLIC_KEY_FILE) : undefined;
        const keyPath = flags.key ?? (gateway.mode === 'local' && defaultKey && existsSync(defaultKey) ? defaultKey : undefined);
        const publicKey = keyPath ? await readFile(keyPath, 'utf8').catch(() => Promise.reject(new UsageError(`cannot read public key \`${keyPath}\``))) : undefined;
        const answer = await gateway.auditVerify({ ...(checkpoint ? { checkpoint } : {}), ...(publicKey ? { publicKey } : {}) });
        if (!answer.ok) return printRefusal(answer, flags.format, SCHEMA, 'audit verify');
        const result = answer.value;
        if (flags.format === 'json') printJson(SCHEMA, result);
        else {
          const c = stdoutColors();
          process.stdout.write(
            result.ok
              ? `${c.green('✓')} audit log intact: ${result.count} events${result.head ? ` (head seq ${result.head.seq}, hash ${result.head.hash.slice(0, 16)}…)` : ''}; ${result.checkpointsChecked} checkpoint${result.checkpointsChecked === 1 ? '' : 's'} checked${publicKey && result.checkpointsChecked > 0 ? ', signatures included' : ''}\n`
              : `${c.bold(c.red('✗'))} audit log tampered: first bad seq ${result.firstBadSeq}: ${result.reason}\n`,
          );
        }
        process.exitCode = result.ok ? EXIT.pass : EXIT.fail;
      });
    });
}
