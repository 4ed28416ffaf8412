import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase64, preAuthEncoding, signEnvelope, verifyEnvelopeSignature, type DsseEnvelope } from './sign-envelope.js';

interface Vector {
  id: string;
  envelope: DsseEnvelope;
  pae: string;
  expect: 'accept' | 'reject';
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/attest/dsse-vectors.json', import.meta.url), 'utf8')) as {
  keys: { A: { seed: string; public: string } };
  vectors: Vector[];
};
// RFC 8410 DER prefixes around the raw 32-byte ed25519 seed and public key.
const privateKey = createPrivateKey({ key: Buffer.from(`302e020100300506032b657004220420${fixture.keys.A.seed}`, 'hex'), format: 'der', type: 'pkcs8' });
const publicKey = createPublicKey({ key: Buffer.from(`302a300506032b6570032100${fixture.keys.A.public}`, 'hex'), format: 'der', type: 'spki' });

describe('DSSE against the published test vectors', () => {
  for (const vector of fixture.vectors) {
    it(`${vector.id}: PAE bytes and ${vector.expect}`, () => {
      const body = decodeBase64(vector.envelope.payload)!;
      const signedType = vector.expect === 'accept' ? vector.envelope.payloadType : 'application/vnd.in-toto+json';
      expect(preAuthEncoding(signedType, body).toString('hex')).toBe(vector.pae);
      expect(verifyEnvelopeSignature(vector.envelope, publicKey)).toBe(vector.expect === 'accept');
    });
  }

  it('signs deterministically (ed25519) to the published signature', () => {
    const vector = fixture.vectors[0]!;
    const envelope = signEnvelope(decodeBase64(vector.envelope.payload)!, vector.envelope.payloadType, { keyId: 'A', privateKey });
    expect(envelope).toEqual(vector.envelope);
  });

  it('rejects a tampered payload and malformed base64', () => {
    const vector = fixture.vectors[0]!;
    const tampered = { ...vector.envelope, payload: Buffer.from('{"_type":"x"}').toString('base64') };
    expect(verifyEnvelopeSignature(tampered, publicKey)).toBe(false);
    expect(verifyEnvelopeSignature({ ...vector.envelope, payload: '***' }, publicKey)).toBe(false);
    expect(decodeBase64('a b')).toBeUndefined();
  });
});
