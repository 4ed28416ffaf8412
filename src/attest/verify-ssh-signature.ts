/**
 * @module Verifying SSH signatures (`ssh-keygen -Y sign`) of approvals against the catalog's keys.
 *
 * The same signature format git uses for signed commits; verification runs the `ssh-keygen`
 * binary, so every key type OpenSSH supports (including security keys) works.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPROVAL_NAMESPACE } from './approval-statement.js';

export type SshSignatureCheck = { ok: true } | { ok: false; reason: string };

export interface SshVerifyInput {
  /** The exact signed text. */
  message: string;
  /** Armored `-----BEGIN SSH SIGNATURE-----` block. */
  signature: string;
  /** Catalog person id the signature must belong to. */
  principal: string;
  /** `people[].keys` of that person: `ssh-ed25519 AAAA… [comment]` lines. */
  publicKeys: readonly string[];
  namespace?: string;
  /** Path of the `ssh-keygen` binary; `ssh-keygen` from PATH by default. */
  sshKeygen?: string;
}

const KEY_LINE = /^((?:sk-)?(?:ssh|ecdsa)-[a-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$/;
const PRINCIPAL = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
const ARMOR = /^-----BEGIN SSH SIGNATURE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END SSH SIGNATURE-----\s*$/;

/**
 * Checks that `signature` is a valid signature of `message` by one of `publicKeys` in `namespace`.
 * Fails closed: no keys, a malformed key or signature, or no `ssh-keygen` all return `ok: false`.
 */
export async function verifySshSignature(input: SshVerifyInput): Promise<SshSignatureCheck> {
  if (!PRINCIPAL.test(input.principal)) return { ok: false, reason: `\`${input.principal}\` cannot be an ssh principal` };
  if (!ARMOR.test(input.signature.trim() + '\n')) return { ok: false, reason: 'the signature is not an armored ssh signature' };
  const keys: string[] = [];
  for (const line of input.publicKeys) {
    const match = KEY_LINE.exec(line.trim());
    // Only the type and base64 blob go into allowed_signers: a comment or newline can never inject options.
    if (!match) return { ok: false, reason: `catalog key \`${line.slice(0, 40)}\` of \`${input.principal}\` is not an ssh public key line` };
    keys.push(`${match[1]} ${match[2]}`);
  }
  if (keys.length === 0) return { ok: false, reason: `\`${input.principal}\` has no ssh keys in the catalog (\`people[].keys\`)` };
  const namespace = input.namespace ?? APPROVAL_NAMESPACE;
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-sshsig-'));
  try {
    const allowed = join(dir, 'allowed_signers');
    const signature = join(dir, 'message.sig');
    await writeFile(allowed, keys.map((key) => `${input.principal} namespaces="${namespace}" ${key}\n`).join(''), { mode: 0o600 });
    await writeFile(signature, input.signature.trim() + '\n', { mode: 0o600 });
    const result = await run(input.sshKeygen ?? 'ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', input.principal, '-n', namespace, '-s', signature], input.message);
    if (result.code === 0) return { ok: true };
    if (result.missing) return { ok: false, reason: '`ssh-keygen` was not found: cannot verify ssh signatures' };
    const detail = (result.stderr.trim().split('\n').pop() ?? '').toLowerCase();
    return { ok: false, reason: `the ssh signature does not verify for \`${input.principal}\`${detail ? ` (${detail})` : ''}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a program with stdin, never throwing for a non-zero exit. */
export function run(program: string, args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    const child = execFile(program, args, { timeout: 20_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin);
  });
}
