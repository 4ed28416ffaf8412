/**
 * @module Every recorded change, found through the audit log's `change.recorded` events.
 *
 * The store port has no listing of changes; the audit log has one event per recorded digest,
 * filterable by time and system, so the queue and the audit report read it from there.
 */
import type { AuditQuery, Store, StoredChange } from '../../store/store.js';

const PAGE = 1000;

export interface RecordedChangesQuery {
  /** ISO 8601, inclusive: recorded at or after. */
  since?: string;
  /** ISO 8601, exclusive. */
  until?: string;
  system?: string;
}

/** Digests of recorded changes in recording order (each once). */
export async function readRecordedDigests(store: Store, query: RecordedChangesQuery = {}): Promise<string[]> {
  const digests = new Set<string>();
  let afterSeq: number | undefined;
  for (;;) {
    const page: AuditQuery = {
      types: ['change.recorded'],
      limit: PAGE,
      ...(query.since ? { since: query.since } : {}),
      ...(query.until ? { until: query.until } : {}),
      ...(query.system ? { system: query.system } : {}),
      ...(afterSeq !== undefined ? { afterSeq } : {}),
    };
    const events = await store.audit.list(page);
    for (const event of events) digests.add(event.subject);
    if (events.length < PAGE) break;
    afterSeq = events[events.length - 1]!.seq;
  }
  return [...digests];
}

/** The recorded changes themselves, in recording order, read together (two queries per 500). */
export async function readRecordedChanges(store: Store, query: RecordedChangesQuery = {}): Promise<StoredChange[]> {
  return store.changes.getMany(await readRecordedDigests(store, query));
}
