/**
 * @module A checkpoint signer backed by the attestation key.
 */
import { sign } from 'node:crypto';
import type { CheckpointSigner } from '../core/audit/checkpoint-statement.js';
import type { SigningKey } from './read-keys.js';

/** Signs audit checkpoints with the same ed25519 key as deploy attestations. */
export function checkpointSignerFromKey(key: SigningKey): CheckpointSigner {
  return {
    keyId: key.keyId,
    sign: (statement) => sign(null, Buffer.from(statement, 'utf8'), key.privateKey).toString('base64'),
  };
}
