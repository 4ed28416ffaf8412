/**
 * @module The Store port over a SQL driver: the same scripts for SQLite and PostgreSQL.
 */
import { normaliseEventTime } from '../../core/audit/hash-event.js';
import type { AuditEventInput, Store } from '../store.js';
import { appendEvents, checkpointHead, listEvents, readHead, readLatestCheckpoint, type AuditSettings } from './audit-scripts.js';
import { activeBreakGlass, closeBreakGlassReview, createBreakGlass, openBreakGlassReviews, overdueBreakGlassReviews } from './break-glass-scripts.js';
import { findChange, findChangesByCommits, findChangesHolding, getChange, loadChanges, loadLine, recordChange } from './change-scripts.js';
import { appendDecision, listDecisions, listDecisionsForLines } from './decision-scripts.js';
import { groupCommits } from './group-commit.js';
import { migrate, readSchemaVersion, type Migration } from './migrate.js';
import type { SqlDriver } from './sql-script.js';
import { verifyAudit } from './verify-audit.js';

export interface SqlStoreOptions {
  kind: Store['kind'];
  location: string;
  migrations: readonly Migration[];
  settings: AuditSettings;
}

/** Brings the schema up to date, then exposes the store. */
export async function createSqlStore(driver: SqlDriver, options: SqlStoreOptions): Promise<Store> {
  const { settings } = options;
  const latest = Math.max(...options.migrations.map((migration) => migration.version));
  if ((await driver.read(readSchemaVersion(driver.dialect))) < latest) await driver.write(migrate(options.migrations, settings.clock()));
  const time = (at: string): string => normaliseEventTime(at) ?? invalidTime(at);
  const append = groupCommits((events: AuditEventInput[]) => driver.write(appendEvents(events, settings)));
  return {
    kind: options.kind,
    location: options.location,
    audit: {
      append,
      list: (query = {}) => driver.read(listEvents(query, driver.dialect)),
      head: () => driver.read(readHead()),
      verify: (verifyOptions = {}) => verifyAudit(driver, verifyOptions),
      checkpoint: () => driver.write(checkpointHead(settings.signer)),
      latestCheckpoint: () => driver.read(readLatestCheckpoint()),
    },
    changes: {
      record: (input, audit) => driver.write(recordChange({ ...input, at: time(input.at) }, audit, settings)),
      get: (digest) => driver.read(getChange(digest)),
      getMany: (digests) => driver.read(loadChanges(digests)),
      find: (digestOrPrefix) => driver.read(findChange(digestOrPrefix)),
      findByCommits: (shas) => driver.read(findChangesByCommits(shas)),
      findHolding: (shas, patchIds) => driver.read(findChangesHolding(shas, patchIds)),
      line: (lineId) => driver.read(loadLine(lineId)),
    },
    approvals: {
      append: (decision, audit) => driver.write(appendDecision({ ...decision, at: time(decision.at) }, audit, settings)),
      list: (digest) => driver.read(listDecisions(digest)),
      listForLines: (lineIds) => driver.read(listDecisionsForLines(lineIds)),
    },
    breakGlass: {
      create: (input, audit) =>
        driver.write(createBreakGlass({ ...input, at: time(input.at), expiresAt: time(input.expiresAt), reviewDueAt: time(input.reviewDueAt) }, audit, settings)),
      active: (env, commit, now) => driver.read(activeBreakGlass(env, commit, time(now))),
      openReviews: () => driver.read(openBreakGlassReviews()),
      overdue: (now) => driver.read(overdueBreakGlassReviews(time(now))),
      closeReview: (id, closed, audit) => driver.write(closeBreakGlassReview(id, { ...closed, at: time(closed.at) }, audit, settings)),
    },
    schemaVersion: () => driver.read(readSchemaVersion(driver.dialect)),
    close: () => driver.close(),
  };
}

function invalidTime(at: string): never {
  throw new RangeError(`\`${at}\` is not an iso 8601 time`);
}
