/**
 * @module `tollgate audit checkpoint`: sign the current head now and export it, to keep where the database's administrators cannot write.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeCheckpointFile } from '../../attest/checkpoint-file.js';
import { serializeCheckpoint } from '../../core/audit/checkpoint-statement.js';
import { EXIT, UsageError } from '../cli-error.js';
import { printRefusal, type OutputFormat } from '../print-outcome.js';
import { formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.checkpoint/v1';

export function registerAuditCheckpoint(audit: Command): void {
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the current head and print it (or write it with --out); `audit verify --checkpoint` detects truncation against it')
    .option('--out <file>', 'write the checkpoint to this file (never overwritten)')
    .addOption(formatOption())
    .action(async (flags: { out?: string; format: OutputFormat }) => {
      await withGateway(flags, { schema: SCHEMA, what: 'checkpoint', catalog: false }, async ({ gateway }) => {
        const answer = await gateway.checkpoint();
        if (!answer.ok) {
          if (answer.code === 'unavailable') throw new UsageError(answer.reason);
          return printRefusal(answer, flags.format, SCHEMA, 'checkpoint');
        }
        const { checkpoint, publicKey } = answer.value;
        if (!flags.out) {
          process.stdout.write(serializeCheckpoint(checkpoint, publicKey));
        } else {
          const path = resolve(flags.out);
          await writeCheckpointFile(path, checkpoint, publicKey).catch((error: unknown) => {
            const code = (error as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'EEXIST' ? `\`${path}\` exists: a checkpoint file is never overwritten` : `cannot write \`${path}\`: ${(error as Error).message}`);
          });
          process.stdout.write(flags.format === 'json' ? `${JSON.stringify({ schema: SCHEMA, ...checkpoint, path })}\n` : `signed checkpoint at seq ${checkpoint.seq} (hash ${checkpoint.hash.slice(0, 16)}…) written to ${path}\nkeep it where the database's administrators cannot write; \`tollgate audit verify --checkpoint ${path}\` detects truncation against it\n`);
        }
        process.exitCode = EXIT.pass;
      });
    });
}
