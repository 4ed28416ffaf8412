/**
 * @module The guard log the hook uses: events go to the spool (moved into the store's audit log
 * later), approvals are files in `.tollgate/guard-grants/`, and using one is an exclusive file
 * creation, so an approval works exactly once even when two hook calls race.
 *
 * Only listing recent decisions opens the store (after draining the spool into it).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuardGrant } from '../guard-types.js';
import type { Store } from '../../store/store.js';
import { drainGuardSpool, spoolEvent, spooledCount } from './guard-spool.js';
import type { GuardDecisionRecord, GuardLog } from '../decision-log.js';

export const GUARD_EVENTS = { decision: 'guard.decision', approved: 'guard.approval.issued', used: 'guard.approval.used' } as const;
const GRANTS_DIR = 'guard-grants';
/** Hook calls only write spool files; one in this many also moves them into the audit store. */
const DRAIN_THRESHOLD = 500;

/** Deletes approval files that expired more than a day ago (used or not); the audit log keeps their story. */
function pruneGrants(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    try {
      const grant = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GuardGrant;
      if (grant.expiresAt < now - 24 * 60 * 60 * 1000) {
        rmSync(join(dir, name), { force: true });
        rmSync(join(dir, `${grant.id}.used`), { force: true });
      }
    } catch {
      // Leave what cannot be read.
    }
  }
}

/** The guard log over a data folder (`<repo>/.tollgate`); `openStore` is called only to list decisions. */
export function fileGuardLog(dataDir: string, openStore: () => Promise<Store>): GuardLog {
  let store: Store | undefined;
  const grants = join(dataDir, GRANTS_DIR);
  return {
    async recordDecision(record) {
      spoolEvent(dataDir, { type: GUARD_EVENTS.decision, actor: `agent:${record.agent}`, subject: record.digest, payload: { ...record }, at: record.at });
    },
    async recordGrant(grant, subject) {
      mkdirSync(grants, { recursive: true });
      pruneGrants(grants, grant.approvedAt);
      writeFileSync(join(grants, `${grant.id}.json`), JSON.stringify(grant), { flag: 'wx' });
      spoolEvent(dataDir, {
        type: GUARD_EVENTS.approved,
        actor: grant.approvedBy,
        subject: grant.digest,
        payload: { id: grant.id, command: subject, approvedAt: new Date(grant.approvedAt).toISOString(), expiresAt: new Date(grant.expiresAt).toISOString() },
        at: new Date(grant.approvedAt).toISOString(),
      });
    },
    async liveGrants(now) {
      let names: string[];
      try {
        names = readdirSync(grants);
      } catch {
        return [];
      }
      const live: GuardGrant[] = [];
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const id = name.slice(0, -5);
        if (existsSync(join(grants, `${id}.used`))) continue;
        try {
          const grant = JSON.parse(readFileSync(join(grants, name), 'utf8')) as GuardGrant;
          if (grant.id === id && typeof grant.digest === 'string' && grant.expiresAt > now) live.push(grant);
        } catch {
          // An unreadable approval is no approval.
        }
      }
      return live;
    },
    async consumeGrant(grant, use) {
      try {
        // INVARIANT: exclusive creation succeeds for exactly one caller, so an approval is used once.
        closeSync(openSync(join(grants, `${grant.id}.used`), 'wx'));
      } catch {
        return false;
      }
      spoolEvent(dataDir, { type: GUARD_EVENTS.used, actor: `agent:${use.agent}`, subject: grant.digest, payload: { id: grant.id, ...(use.sessionId ? { sessionId: use.sessionId } : {}) }, at: use.at });
      return true;
    },
    async recentDecisions(limit) {
      store ??= await openStore();
      await drainGuardSpool(dataDir, store.audit);
      const head = await store.audit.head();
      if (!head) return [];
      const events = await store.audit.list({ types: [GUARD_EVENTS.decision], afterSeq: Math.max(0, head.seq - 20_000), limit: 20_000 });
      return events.slice(-limit).map((event) => event.payload as unknown as GuardDecisionRecord);
    },
    async settle() {
      if (spooledCount(dataDir) < DRAIN_THRESHOLD) return;
      store ??= await openStore();
      await drainGuardSpool(dataDir, store.audit);
    },
    async close() {
      await store?.close();
    },
  };
}
