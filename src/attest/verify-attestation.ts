/**
 * @module Offline verification of a deploy attestation (DSSE envelope) against a public key.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import * as z from 'zod';
import { IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_TYPE, type InTotoStatement } from './assemble-deploy-statement.js';
import { keyIdOf } from './read-keys.js';
import { decodeBase64, verifyEnvelopeSignature, type DsseEnvelope } from './sign-envelope.js';

export type AttestationCheck =
  | { ok: true; statement: InTotoStatement<unknown>; keyId: string }
  | { ok: false; reason: string };

const envelopeSchema = z.object({
  payload: z.string(),
  payloadType: z.string(),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string() })).min(1),
});

const statementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ gitCommit: z.string() }).loose() })).min(1),
  predicateType: z.string().min(1),
  predicate: z.unknown(),
});

/**
 * Checks an attestation file's content: envelope shape, payload type, an ed25519 signature over
 * the DSSE PAE by `publicKeyPem`, then the in-toto Statement inside. Expected failures are data.
 *
 * @example
 * const check = verifyAttestation(readFileSync('deploy.intoto.json', 'utf8'), readFileSync('attestation.pub', 'utf8'));
 * if (!check.ok) console.error(check.reason);
 */
export function verifyAttestation(envelopeJson: string, publicKeyPem: string): AttestationCheck {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (error) {
    return { ok: false, reason: `the public key is not a pem key: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(envelopeJson);
  } catch (error) {
    return { ok: false, reason: `the attestation is not json: ${(error as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { ok: false, reason: `not a dsse envelope: field \`${issue?.path.join('.') || '(root)'}\`: ${issue?.message.toLowerCase() ?? 'invalid'}` };
  }
  const parsed: DsseEnvelope = envelope.data;
  if (!verifyEnvelopeSignature(parsed, key)) return { ok: false, reason: `no signature in the envelope verifies with key \`${keyIdOf(key)}\`` };
  if (parsed.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { ok: false, reason: `unsupported payload type \`${parsed.payloadType}\` (expected \`${IN_TOTO_PAYLOAD_TYPE}\`)` };
  }
  let statementJson: unknown;
  try {
    statementJson = JSON.parse((decodeBase64(parsed.payload) ?? Buffer.alloc(0)).toString('utf8'));
  } catch {
    return { ok: false, reason: 'the signed payload is not json' };
  }
  const statement = statementSchema.safeParse(statementJson);
  if (!statement.success) return { ok: false, reason: `the signed payload is not an in-toto statement v1: ${statement.error.issues[0]?.message.toLowerCase() ?? 'invalid'}` };
  return { ok: true, statement: statement.data as InTotoStatement<unknown>, keyId: keyIdOf(key) };
}
