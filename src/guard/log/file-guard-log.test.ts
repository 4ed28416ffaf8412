/**
 * @module The hook's log: approvals are used exactly once even when hook calls race, expire on time, and
 * every spooled event reaches the store's audit log in order.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { GuardGrant } from '../guard-types.js';
import { fileGuardLog } from './file-guard-log.js';
import { drainGuardSpool, SPOOL_DIR, spooledCount } from './guard-spool.js';
import { openGuardStore } from './load-store.js';

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'tollgate-guard-log-'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const dataDir = (): string => join(repo, '.tollgate');
// The log opens the store the way the guard does: through the run-time loader.
const open = () => fileGuardLog(dataDir(), () => openGuardStore({ repoDir: repo, env: {} }));
const grant = (id: string, now: number): GuardGrant => ({ id, digest: 'd'.repeat(64), approvedBy: 'carol', approvedAt: now, expiresAt: now + 300_000 });

describe('fileGuardLog', () => {
  it('hands a live approval to exactly one of many racing uses', async () => {
    const log = open();
    const now = Date.now();
    await log.recordGrant(grant('TG-RACE-0001', now), 'terraform destroy');
    expect((await log.liveGrants(now)).map((g) => g.id)).toEqual(['TG-RACE-0001']);
    const uses = await Promise.all(Array.from({ length: 8 }, () => open().consumeGrant(grant('TG-RACE-0001', now), { agent: 'claude-code', at: new Date(now).toISOString() })));
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await log.liveGrants(now)).toEqual([]);
    await log.close();
  });

  it('ignores expired approvals', async () => {
    const log = open();
    const now = Date.now();
    await log.recordGrant(grant('TG-OLD0-0001', now - 600_000), 'x');
    expect(await log.liveGrants(now)).toEqual([]);
    await log.close();
  });

  it('moves every spooled event into the audit log, oldest first, once', async () => {
    const log = open();
    for (let i = 0; i < 5; i++) {
      await log.recordDecision({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), agent: 'codex', cwd: repo, tool: 'Bash', subject: `cmd ${i}`, digest: String(i).repeat(64), decision: 'allow', reasons: [] });
    }
    expect(spooledCount(dataDir())).toBe(5);
    const recent = await log.recentDecisions(3);
    expect(recent.map((record) => record.subject)).toEqual(['cmd 2', 'cmd 3', 'cmd 4']);
    expect(readdirSync(join(dataDir(), SPOOL_DIR))).toEqual([]);
    await log.close();
    const store = await openStore({ repoDir: repo, env: {} });
    try {
      expect(await drainGuardSpool(dataDir(), store.audit)).toBe(0);
      const events = await store.audit.list({ types: ['guard.decision'] });
      expect(events.map((event) => event.payload.subject)).toEqual(['cmd 0', 'cmd 1', 'cmd 2', 'cmd 3', 'cmd 4']);
      expect(events[0]).toMatchObject({ actor: 'agent:codex', subject: '0'.repeat(64) });
    } finally {
      await store.close();
    }
  });

  it('drains the spool into the store once enough events wait, and not before', async () => {
    const log = open();
    const record = (i: number) => log.recordDecision({ at: new Date(Date.UTC(2026, 0, 1)).toISOString(), agent: 'cursor', cwd: repo, tool: 'shell', subject: `c${i}`, digest: 'a'.repeat(64), decision: 'allow', reasons: [] });
    for (let i = 0; i < 499; i++) await record(i);
    await log.settle();
    expect(spooledCount(dataDir())).toBe(499);
    await record(499);
    await log.settle();
    expect(spooledCount(dataDir())).toBe(0);
    await log.close();
  });
});
