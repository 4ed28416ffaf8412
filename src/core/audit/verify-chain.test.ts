import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type StoredEventRow } from './audit-event.js';
import { canonicalEventText, canonicalPayload, chainHash, hashEvent } from './hash-event.js';
import { createChainVerifier } from './verify-chain.js';

function buildChain(count: number): StoredEventRow[] {
  const rows: StoredEventRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const event = { seq, at: `2026-01-01T00:00:0${seq % 10}.000Z`, actor: 'dana', type: 'approval.recorded', subject: `d${seq}`, payload: { n: seq, note: 'é "quoted"' } };
    const hash = hashEvent(prevHash, event);
    rows.push({ ...event, payload: canonicalPayload(event.payload), prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

function verify(rows: StoredEventRow[], expected: { seq: number; hash: string; source: string }[] = []): { ok: boolean; seq?: number; reason?: string; count: number } {
  const verifier = createChainVerifier(expected);
  for (const row of rows) {
    const broken = verifier.push(row);
    if (broken) return { ok: false, seq: broken.seq, reason: broken.reason, count: verifier.count };
  }
  const end = verifier.finish();
  return end ? { ok: false, seq: end.seq, reason: end.reason, count: verifier.count } : { ok: true, count: verifier.count };
}

describe('canonical event text', () => {
  it('is byte-identical to RFC 8785 canonicalisation of the whole event', () => {
    const samples = [
      { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'a', type: 't', subject: '', payload: {} },
      { seq: 123456789, at: '2026-12-31T23:59:59.999Z', actor: 'zoë\u2028', type: 'x.y', subject: 'sub"ject\\', payload: { b: [1, 2.5, -0, 1e21], a: { z: null, y: true }, '\u00e9': 'é', '\ud83d\ude00': 'emoji' } },
    ];
    for (const sample of samples) {
      const text = canonicalEventText(sample.seq, sample.at, sample.actor, sample.type, sample.subject, canonicalPayload(sample.payload));
      expect(text).toBe(canonicalize(sample));
    }
  });

  it('hashes the previous hash followed by the canonical event', () => {
    const event = { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'a', type: 't', subject: 's', payload: { k: 1 } };
    const expected = createHash('sha256').update(GENESIS_HASH + canonicalize(event)).digest('hex');
    expect(hashEvent(GENESIS_HASH, event)).toBe(expected);
    expect(chainHash(GENESIS_HASH, canonicalize(event)!)).toBe(expected);
  });
});

describe('createChainVerifier', () => {
  const chain = buildChain(6);
  const cases: { name: string; tamper: (rows: StoredEventRow[]) => StoredEventRow[]; seq: number; reason: RegExp }[] = [
    { name: 'edited payload', tamper: (rows) => rows.map((r) => (r.seq === 3 ? { ...r, payload: '{"n":99}' } : r)), seq: 3, reason: /altered/ },
    { name: 'edited actor', tamper: (rows) => rows.map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r)), seq: 2, reason: /altered/ },
    { name: 'deleted row', tamper: (rows) => rows.filter((r) => r.seq !== 4), seq: 4, reason: /missing.*deleted/ },
    { name: 'deleted first row', tamper: (rows) => rows.slice(1), seq: 1, reason: /missing/ },
    {
      name: 'edited and re-hashed row breaks the next link',
      tamper: (rows) =>
        rows.map((r) => (r.seq === 2 ? { ...r, payload: '{"n":7}', hash: chainHash(r.prevHash, canonicalEventText(2, r.at, r.actor, r.type, r.subject, '{"n":7}')) } : r)),
      seq: 3,
      reason: /does not link/,
    },
    {
      name: 'reordered rows (contents swapped, seq kept)',
      tamper: (rows) => rows.map((r) => (r.seq === 2 ? { ...rows[4]!, seq: 2 } : r.seq === 5 ? { ...rows[1]!, seq: 5 } : r)),
      seq: 2,
      reason: /does not link/,
    },
    { name: 'inserted row before the first', tamper: (rows) => [{ ...rows[0]!, seq: 0 }, ...rows], seq: 0, reason: /inserted/ },
  ];
  for (const testCase of cases) {
    it(`names the first bad seq for: ${testCase.name}`, () => {
      const result = verify(testCase.tamper(chain));
      expect(result).toMatchObject({ ok: false, seq: testCase.seq });
      expect(result.reason).toMatch(testCase.reason);
    });
  }

  it('accepts an intact chain and reports count and head', () => {
    const verifier = createChainVerifier();
    for (const row of chain) expect(verifier.push(row)).toBeUndefined();
    expect(verifier.finish()).toBeUndefined();
    expect(verifier.count).toBe(6);
    expect(verifier.head).toEqual({ seq: 6, hash: chain[5]!.hash });
  });

  it('detects truncation and rewrites against a checkpoint', () => {
    const checkpoint = { seq: 6, hash: chain[5]!.hash, source: 'checkpoint file' };
    expect(verify(chain.slice(0, 4), [checkpoint])).toMatchObject({ ok: false, seq: 5, reason: expect.stringMatching(/truncated/) });
    expect(verify(chain, [checkpoint]).ok).toBe(true);
    expect(verify(chain, [{ ...checkpoint, hash: 'f'.repeat(64) }])).toMatchObject({ ok: false, seq: 6, reason: expect.stringMatching(/rewritten/) });
  });
});
