/**
 * @module `tollgate approve`: approve (or sign off) exactly one content digest, optionally signed with an SSH key.
 */
import type { Command } from 'commander';
import { approvalStatement } from '../../attest/approval-statement.js';
import { signWithSshKey } from '../../attest/sign-with-ssh-key.js';
import { EXIT, UsageError } from '../cli-error.js';
import { printJson, printRefusal, short, stdoutColors, type OutputFormat } from '../print-outcome.js';
import { catalogOption, formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.approve/v1';

interface ApproveFlags {
  as?: string;
  comment?: string;
  signOff?: boolean;
  signWith?: string;
  printStatement?: boolean;
  catalog?: string;
  format: OutputFormat;
}

export function register(program: Command): void {
  program
    .command('approve <digest>')
    .description('approve exactly this content of a recorded change (exit 0 recorded, 1 refused, 2 usage error)')
    .option('--as <person>', 'who approves (default: $TOLLGATE_USER, else git user.email mapped through the catalog)')
    .option('--comment <text>', 'a comment stored with the approval')
    .option('--sign-off', 'record a director or vp sign-off instead of an approval')
    .option('--sign-with <keyfile>', 'sign the approval with this ssh private key (`ssh-keygen -Y sign`)')
    .option('--print-statement', 'print the exact text an ssh signature must cover, and record nothing')
    .addOption(catalogOption())
    .addOption(formatOption())
    .action(async (digestOrPrefix: string, flags: ApproveFlags) => {
      const kind = flags.signOff ? 'sign-off' : 'approve';
      const what = flags.signOff ? 'sign-off' : 'approval';
      await withGateway(flags, { schema: SCHEMA, what }, async ({ gateway }) => {
        const identity = await gateway.identify(flags.as);
        if (!identity.ok) return printRefusal(identity, flags.format, SCHEMA, what);
        const person = identity.value.person;
        let digest = digestOrPrefix;
        let signature: string | undefined;
        if (flags.signWith || flags.printStatement) {
          // The signature covers the full digest and the person id, so resolve both first.
          const resolved = await gateway.resolve(digestOrPrefix);
          if (!resolved.ok) return printRefusal(resolved, flags.format, SCHEMA, what);
          digest = resolved.value;
          const statement = approvalStatement({ kind, digest, person });
          if (flags.printStatement) return void process.stdout.write(flags.format === 'json' ? `${JSON.stringify({ schema: SCHEMA, statement })}\n` : `${statement}\n`);
          signature = await signWithSshKey({ message: statement, privateKeyPath: flags.signWith! }).catch((error: unknown) => {
            throw new UsageError((error as Error).message);
          });
        }
        const decided = await gateway.decide({ kind, digestOrPrefix: digest, person, ...(flags.comment ? { comment: flags.comment } : {}), ...(signature ? { signature } : {}) });
        if (!decided.ok) return printRefusal(decided, flags.format, SCHEMA, what);
        const result = decided.value;
        if (flags.format === 'json') printJson(SCHEMA, { ok: true, ...result, signed: signature !== undefined });
        else {
          const c = stdoutColors();
          const verb = result.kind === 'sign-off' ? `signed off${result.role ? ` as ${result.role}` : ''}` : 'approved';
          const line = result.alreadyRecorded
            ? `${c.green('✓')} ${result.person} had already ${verb} ${short(result.digest)}: nothing new recorded`
            : `${c.green('✓')} ${result.person} ${verb} ${short(result.digest)}${signature ? ' (ssh-signed)' : ''}`;
          process.stdout.write(`${line}\n  what is still missing: tollgate status ${short(result.digest)}\n`);
        }
        process.exitCode = EXIT.pass;
      });
    });
}
