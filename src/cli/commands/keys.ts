/**
 * @module `tollgate keys init`: the ed25519 key that signs deploy attestations and audit checkpoints.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ensureTollgateDir } from '../../app/ensure-tollgate-dir.js';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, initKeys, readSigningKey } from '../../attest/read-keys.js';
import { EXIT } from '../cli-error.js';
import { printJson, type OutputFormat } from '../print-outcome.js';
import { formatOption } from '../with-gateway.js';

const SCHEMA = 'tollgate.keys/v1';

export function register(program: Command): void {
  const keys = program.command('keys').description('the key that signs deploy attestations and audit checkpoints');
  keys
    .command('init')
    .description('create the attestation key pair (kept when one exists: losing it orphans every attestation)')
    .option('--dir <dir>', 'folder for attestation.key and attestation.pub (default .tollgate/keys in the repository)')
    .addOption(formatOption())
    .action(async (flags: { dir?: string; format: OutputFormat }) => {
      const dir = flags.dir ? resolve(flags.dir) : join(await ensureTollgateDir(await findRepoRoot(process.cwd()).catch(() => process.cwd())), 'keys');
      const created = await initKeys(dir);
      // Idempotent: a second run keeps the existing key and says so.
      const result = created.ok
        ? { created: true, privateKeyPath: created.privateKeyPath, publicKeyPath: created.publicKeyPath, keyId: created.keyId }
        : { created: false, privateKeyPath: join(dir, PRIVATE_KEY_FILE), publicKeyPath: join(dir, PUBLIC_KEY_FILE), keyId: (await readSigningKey(join(dir, PRIVATE_KEY_FILE))).keyId };
      if (flags.format === 'json') printJson(SCHEMA, result);
      else {
        const lines = result.created
          ? [`created the attestation key ${result.privateKeyPath} (key id ${result.keyId.slice(0, 16)}…)`, `public key: ${result.publicKeyPath} — give it to whoever checks attestations (\`tollgate attest verify FILE --key ${result.publicKeyPath}\`)`]
          : [`kept the existing attestation key ${result.privateKeyPath} (key id ${result.keyId.slice(0, 16)}…); move it away first to make a new one`];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      process.exitCode = EXIT.pass;
    });
}
