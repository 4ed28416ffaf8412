import { describe, expect, it } from 'vitest';
import { asksOf, assembleQueue } from './assemble-queue.js';
import { approval, changeView, type ChangeSpec } from './view-test-builders.js';

const NOW = new Date('2026-03-04T10:00:00.000Z');

describe('assembleQueue', () => {
  it('puts the riskiest first: tier, then critical findings, AI provenance and age', () => {
    const queue = assembleQueue(
      [
        changeView({ digest: 'a'.repeat(64), systems: [{ id: 'docs', tier: 3 }], recordedAt: '2026-02-01T00:00:00.000Z' }),
        changeView({ digest: 'b'.repeat(64), provenance: 'ai-authored' }),
        changeView({ digest: 'c'.repeat(64), findings: ['critical'] }),
        changeView({ digest: 'd'.repeat(64) }),
        changeView({ digest: 'e'.repeat(64), systems: [{ id: 'ledger', tier: 2 }], findings: ['critical', 'critical'] }),
      ],
      'ben',
      true,
      NOW,
    );
    expect(queue.mine.map((entry) => entry.status.change.digest[0])).toEqual(['c', 'b', 'd', 'e', 'a']);
  });

  it('leaves out allowed and superseded changes, and separates what asks nothing of the person', () => {
    const queue = assembleQueue(
      [
        changeView({ digest: 'a'.repeat(64) }, [approval('ben', 'a'.repeat(64), '2026-03-03T00:00:00.000Z')]),
        changeView({ digest: 'b'.repeat(64), supersededBy: 'f'.repeat(64) }),
        changeView({ digest: 'c'.repeat(64), authors: ['ben'] }),
        changeView({ digest: 'd'.repeat(64), approvals: 2 }, [approval('ben', 'd'.repeat(64), '2026-03-03T00:00:00.000Z')]),
      ],
      'ben',
      true,
      NOW,
    );
    expect(queue.mine).toEqual([]);
    expect(queue.others.map((entry) => entry.status.change.digest[0])).toEqual(['c', 'd']);
  });

  it.each([
    ['an owner who has not approved', { digest: 'a'.repeat(64) }, 'ben', true, ['an approval from shop']],
    ['a non-owner while approvals are missing', { digest: 'a'.repeat(64) }, 'cho', true, ['an approval']],
    ['the author', { digest: 'a'.repeat(64), authors: ['cho'] }, 'cho', true, []],
    ['someone who may not decide', { digest: 'a'.repeat(64) }, 'cho', false, []],
    ['the named director', { digest: 'a'.repeat(64), approvals: 0, signOffBy: 'dee' }, 'dee', false, ['your sign-off as director']],
  ] as [string, ChangeSpec, string, boolean, string[]][])('asks of %s', (_label, spec, person, eligible, expected) => {
    expect(asksOf(person, eligible, changeView(spec))).toEqual(expected);
  });
});
