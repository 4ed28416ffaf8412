/**
 * @module Signed checkpoints of the audit chain: (seq, head hash, time) signed with ed25519.
 *
 * A checkpoint exported and kept elsewhere makes truncation detectable: a log that no longer
 * reaches the checkpoint's seq, or holds a different hash there, was cut or rewritten.
 */
import canonicalize from 'canonicalize';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as z from 'zod';

/** Identifies what a checkpoint signature covers; part of the signed bytes. */
export const CHECKPOINT_TYPE = 'https://tollgate.dev/audit-checkpoint/v1';

export interface Checkpoint {
  seq: number;
  /** Hash of event `seq`. */
  hash: string;
  /** ISO 8601 time of event `seq`. */
  at: string;
  /** Hex sha256 of the signing key's SPKI DER (see `attest/read-keys.ts`). */
  keyId: string;
  /** Base64 ed25519 signature over {@link checkpointStatement}. */
  signature: string;
}

/** Signs checkpoint statements; the store holds one when a signing key is configured. */
export interface CheckpointSigner {
  readonly keyId: string;
  /** Base64 signature over the UTF-8 bytes of `statement`. */
  sign(statement: string): string;
}

/**
 * The exact text a checkpoint signature covers.
 *
 * INVARIANT: canonical JSON (RFC 8785) of `{type, seq, hash, at}`; changing it invalidates every
 * checkpoint ever exported.
 */
export function checkpointStatement(content: { seq: number; hash: string; at: string }): string {
  return canonicalize({ type: CHECKPOINT_TYPE, seq: content.seq, hash: content.hash, at: content.at }) ?? '';
}

/** True when the checkpoint's signature is valid for `publicKey` (PEM or key object). */
export function verifyCheckpointSignature(checkpoint: Checkpoint, publicKey: KeyObject | string): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, Buffer.from(checkpointStatement(checkpoint), 'utf8'), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

const checkpointFileSchema = z.strictObject({
  schema: z.literal('tollgate.checkpoint/v1'),
  seq: z.int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256'),
  at: z.string().min(1),
  keyId: z.string().min(1),
  signature: z.string().min(1),
  /** The signer's public key, for convenience; trust decisions use a key from elsewhere. */
  publicKey: z.string().optional(),
});

/** The file format of an exported checkpoint (JSON, one object). */
export function serializeCheckpoint(checkpoint: Checkpoint, publicKeyPem?: string): string {
  const file = { schema: 'tollgate.checkpoint/v1', ...checkpoint, ...(publicKeyPem ? { publicKey: publicKeyPem } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedCheckpoint = { ok: true; checkpoint: Checkpoint; publicKey?: string } | { ok: false; message: string };

/** Parses an exported checkpoint; `path` names the file in messages. */
export function parseCheckpoint(text: string, path: string): ParsedCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `\`${path}\`: not json (${(error as Error).message.toLowerCase()})` };
  }
  const parsed = checkpointFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    return { ok: false, message: `\`${path}\`: field \`${field}\`: ${issue?.message.toLowerCase() ?? 'invalid'}` };
  }
  const { schema: _schema, publicKey, ...checkpoint } = parsed.data;
  return { ok: true, checkpoint, ...(publicKey ? { publicKey } : {}) };
}
