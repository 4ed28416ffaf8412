/**
 * @module Audit log scripts: append to the hash chain, query it, checkpoint it and verify it.
 */
import type { AuditEvent, AuditEventInput, StoredEventRow } from '../../core/audit/audit-event.js';
import { GENESIS_HASH } from '../../core/audit/audit-event.js';
import { checkpointStatement, type Checkpoint, type CheckpointSigner } from '../../core/audit/checkpoint-statement.js';
import { canonicalEventText, canonicalPayload, chainHash, normaliseEventTime } from '../../core/audit/hash-event.js';
import { hashedText } from '../../core/audit/verify-chain.js';
import type { AuditHead, AuditQuery } from '../store.js';
import { all, arrays, first, run, type Dialect, type Script, type SqlParam } from './sql-script.js';

/** An event row as an array, in the order of the verify query's columns. */
type EventArray = [seq: number, at: string, actor: string, type: string, subject: string, payload: string, prevHash: string, hash: string];

/** How the log stamps and checkpoints events. */
export interface AuditSettings {
  signer?: CheckpointSigner;
  /** A checkpoint is signed whenever `seq` is a multiple of this. */
  checkpointEvery: number;
  /** ISO 8601 "now" for events that bring no time. */
  clock(): string;
}

const EVENT_COLUMNS = 'seq, at, actor, type, subject, payload, prev_hash AS "prevHash", hash';
const CHECKPOINT_COLUMNS = 'seq, hash, at, key_id AS "keyId", signature';

/**
 * Appends events to the chain. Must run inside `SqlDriver.write`.
 *
 * INVARIANT: the head is read and the new rows inserted in one transaction that holds the store's
 * write lock, so no two appenders ever see the same head; `seq` is unique in the table as a last
 * line of defence (a forked chain fails to insert instead of being stored).
 */
export function* appendEvents(inputs: readonly AuditEventInput[], settings: AuditSettings): Script<AuditEvent[]> {
  if (inputs.length === 0) return [];
  let head = (yield* first<AuditHead>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')) ?? { seq: 0, hash: GENESIS_HASH };
  const appended: AuditEvent[] = [];
  for (const input of inputs) {
    const at = normaliseEventTime(input.at ?? settings.clock());
    if (at === undefined) throw new RangeError(`audit event \`${input.type}\`: \`${input.at}\` is not an iso 8601 time`);
    for (const field of [input.actor, input.type, input.subject]) {
      if (!isWellFormed(field)) throw new TypeError(`audit event \`${input.type}\`: actor, type and subject must be well-formed unicode`);
    }
    const seq = head.seq + 1;
    const payloadText = canonicalPayload(input.payload);
    const hash = chainHash(head.hash, canonicalEventText(seq, at, input.actor, input.type, input.subject, payloadText));
    yield* run('INSERT INTO audit_events (seq, at, actor, type, subject, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      seq,
      at,
      input.actor,
      input.type,
      input.subject,
      payloadText,
      head.hash,
      hash,
    ]);
    if (settings.signer && seq % settings.checkpointEvery === 0) yield* storeCheckpoint(signCheckpoint({ seq, hash, at }, settings.signer));
    appended.push({ seq, at, actor: input.actor, type: input.type, subject: input.subject, payload: JSON.parse(payloadText), prevHash: head.hash, hash });
    head = { seq, hash };
  }
  return appended;
}

export function* listEvents(query: AuditQuery, dialect: Dialect): Script<AuditEvent[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const add = (condition: string, ...values: SqlParam[]): void => {
    where.push(condition);
    params.push(...values);
  };
  if (query.types && query.types.length > 0) add(`type IN (${query.types.map(() => '?').join(', ')})`, ...query.types);
  if (query.since) add('at >= ?', normaliseEventTime(query.since) ?? query.since);
  if (query.until) add('at < ?', normaliseEventTime(query.until) ?? query.until);
  if (query.subject !== undefined) add('subject = ?', query.subject);
  if (query.actor !== undefined) add('actor = ?', query.actor);
  if (query.system !== undefined) add(dialect.payloadListsSystem('payload'), query.system);
  if (query.afterSeq !== undefined) add('seq > ?', query.afterSeq);
  const sql = `SELECT ${EVENT_COLUMNS} FROM audit_events${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`;
  const rows = yield* all<StoredEventRow>(sql, [...params, query.limit ?? 1000]);
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) }));
}

export function* readHead(): Script<AuditHead | null> {
  return (yield* first<AuditHead>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')) ?? null;
}

/** Signs the current head (or returns its existing checkpoint). Must run inside `SqlDriver.write`. */
export function* checkpointHead(signer: CheckpointSigner | undefined): Script<Checkpoint> {
  if (!signer) throw new Error('no signing key for audit checkpoints: run `tollgate keys init` or set TOLLGATE_SIGNING_KEY');
  const head = yield* first<{ seq: number; hash: string; at: string }>('SELECT seq, hash, at FROM audit_events ORDER BY seq DESC LIMIT 1');
  if (!head) throw new Error('the audit log is empty: nothing to checkpoint');
  const existing = yield* first<Checkpoint>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE seq = ?`, [head.seq]);
  if (existing) return existing;
  const checkpoint = signCheckpoint(head, signer);
  yield* storeCheckpoint(checkpoint);
  return checkpoint;
}

export function* readLatestCheckpoint(): Script<Checkpoint | null> {
  return (yield* first<Checkpoint>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`)) ?? null;
}

/** Every stored checkpoint, oldest first. */
export function* readCheckpoints(): Script<Checkpoint[]> {
  return yield* all<Checkpoint>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY seq`);
}

/** Rows for verification: seq, the exact text the hash covers (prev hash first), the stored hash. */
export type HashedRow = [seq: number, text: string, hash: string];

/**
 * Up to `limit` events after `afterSeq`, in seq order, as the text their hash covers. The text
 * starts with the row's stored `prev_hash` (64 hex digits).
 */
export function* readHashedBatch(afterSeq: number, limit: number, dialect: Dialect): Script<HashedRow[]> {
  if (dialect.hashedTextSql) {
    return yield* arrays<HashedRow>(`SELECT seq, ${dialect.hashedTextSql}, hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`, [afterSeq, limit]);
  }
  const rows = yield* arrays<EventArray>('SELECT seq, at, actor, type, subject, payload, prev_hash, hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
  return rows.map(([seq, at, actor, type, subject, payload, prevHash, hash]) => [Number(seq), hashedText({ seq: Number(seq), at, actor, type, subject, payload, prevHash, hash }), hash]);
}

/** The highest seq stored, 0 for an empty log (an estimate of the work `verify` faces). */
export function* readMaxSeq(): Script<number> {
  const row = yield* first<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM audit_events');
  return Number(row?.seq ?? 0);
}

/** False for strings with lone surrogates: they cannot be stored as UTF-8 text and hashed consistently. */
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function signCheckpoint(content: { seq: number; hash: string; at: string }, signer: CheckpointSigner): Checkpoint {
  return { seq: content.seq, hash: content.hash, at: content.at, keyId: signer.keyId, signature: signer.sign(checkpointStatement(content)) };
}

function* storeCheckpoint(checkpoint: Checkpoint): Script<void> {
  yield* run('INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING', [
    checkpoint.seq,
    checkpoint.hash,
    checkpoint.at,
    checkpoint.keyId,
    checkpoint.signature,
  ]);
}
