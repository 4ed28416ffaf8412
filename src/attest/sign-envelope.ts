/**
 * @module DSSE envelopes: sign and verify a payload over its Pre-Authentication Encoding.
 *
 * Spec: https://github.com/secure-systems-lab/dsse (protocol.md, envelope.md), v1.0.0.
 */
import { sign, verify, type KeyObject } from 'node:crypto';

export interface DsseSignature {
  keyid?: string;
  /** Base64 signature over the PAE. */
  sig: string;
}

export interface DsseEnvelope {
  /** Base64 of the serialized body. */
  payload: string;
  payloadType: string;
  signatures: DsseSignature[];
}

/**
 * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the ASCII
 * decimal byte length (of the UTF-8 type and of the raw body).
 */
export function preAuthEncoding(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${body.length} `, 'ascii'),
    body,
  ]);
}

/** Signs `body` as `payloadType` with an ed25519 key. */
export function signEnvelope(body: Uint8Array, payloadType: string, key: { keyId: string; privateKey: KeyObject }): DsseEnvelope {
  const sig = sign(null, preAuthEncoding(payloadType, body), key.privateKey).toString('base64');
  return { payload: Buffer.from(body).toString('base64'), payloadType, signatures: [{ keyid: key.keyId, sig }] };
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Decodes standard or URL-safe base64 (verifiers must accept both); undefined when malformed. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * True when at least one signature verifies over the PAE with `publicKey`. The keyid is only a
 * hint, never trusted: every signature is tried against the key.
 */
export function verifyEnvelopeSignature(envelope: DsseEnvelope, publicKey: KeyObject): boolean {
  const body = decodeBase64(envelope.payload);
  if (!body) return false;
  const message = preAuthEncoding(envelope.payloadType, body);
  return envelope.signatures.some((signature) => {
    const sig = decodeBase64(signature.sig);
    if (!sig) return false;
    try {
      return verify(null, message, publicKey, sig);
    } catch {
      return false;
    }
  });
}
