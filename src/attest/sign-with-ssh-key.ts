/**
 * @module Signing an approval statement with an SSH key (`ssh-keygen -Y sign`), and making test keys.
 */
import { readFile } from 'node:fs/promises';
import { APPROVAL_NAMESPACE } from './approval-statement.js';
import { run } from './verify-ssh-signature.js';

/** Signs `message` with the private key at `privateKeyPath`; returns the armored signature. */
export async function signWithSshKey(input: { message: string; privateKeyPath: string; namespace?: string; sshKeygen?: string }): Promise<string> {
  const result = await run(input.sshKeygen ?? 'ssh-keygen', ['-Y', 'sign', '-f', input.privateKeyPath, '-n', input.namespace ?? APPROVAL_NAMESPACE], input.message);
  if (result.code !== 0 || !result.stdout.includes('BEGIN SSH SIGNATURE')) {
    throw new Error(`ssh-keygen -Y sign with \`${input.privateKeyPath}\` failed: ${result.stderr.trim() || `exit ${result.code}`}`);
  }
  return result.stdout;
}

/** Generates an unencrypted ed25519 SSH key at `path` (and `path.pub`); returns the public key line. */
export async function generateSshKey(path: string, comment = 'tollgate'): Promise<string> {
  const result = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], '');
  if (result.code !== 0) throw new Error(`ssh-keygen -t ed25519 failed: ${result.stderr.trim() || `exit ${result.code}`}`);
  return (await readFile(`${path}.pub`, 'utf8')).trim();
}
