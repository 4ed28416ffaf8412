/**
 * @module The attestation key pair: created by `tollgate keys init`, read by `verify` and the audit log.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File names inside the keys folder. */
export const PRIVATE_KEY_FILE = 'attestation.key';
export const PUBLIC_KEY_FILE = 'attestation.pub';

/** An ed25519 private key ready to sign, with its id and public half. */
export interface SigningKey {
  /** Hex sha256 of the public key's SPKI DER encoding. */
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

export type InitKeysResult =
  | { ok: true; privateKeyPath: string; publicKeyPath: string; keyId: string }
  | { ok: false; reason: string };

/** The keys folder of a repository: `<repo>/.tollgate/keys`. */
export function defaultKeysDir(repoDir: string): string {
  return join(repoDir, '.tollgate', 'keys');
}

/**
 * Creates an ed25519 key pair in `keysDir`: `attestation.key` (PKCS#8 PEM, mode 0600) and
 * `attestation.pub` (SPKI PEM). Never overwrites an existing key: losing it would orphan every
 * attestation and checkpoint signed with it.
 */
export async function initKeys(keysDir: string): Promise<InitKeysResult> {
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  const privateKeyPath = join(keysDir, PRIVATE_KEY_FILE);
  const publicKeyPath = join(keysDir, PUBLIC_KEY_FILE);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  try {
    await writeFile(privateKeyPath, privatePem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { ok: false, reason: `a key already exists at \`${privateKeyPath}\`; move it away first to make a new one` };
    }
    throw error;
  }
  await chmod(privateKeyPath, 0o600);
  await writeFile(publicKeyPath, publicPem, { mode: 0o644 });
  return { ok: true, privateKeyPath, publicKeyPath, keyId: keyIdOf(publicKey) };
}

/** Reads a PEM private key file (ed25519 only). Throws with the path on I/O or format errors. */
export async function readSigningKey(privateKeyPath: string): Promise<SigningKey> {
  return signingKeyFromPem(await readFile(privateKeyPath, 'utf8'), privateKeyPath);
}

/** Builds a signing key from PEM text; `origin` names it in errors. */
export function signingKeyFromPem(pem: string, origin = 'key'): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`cannot read private key \`${origin}\`: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`\`${origin}\` is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; tollgate signs with ed25519`);
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

/** The key id of a public key: hex sha256 of its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ format: 'der', type: 'spki' })).digest('hex');
}
