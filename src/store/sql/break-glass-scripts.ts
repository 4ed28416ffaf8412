/**
 * @module Break-glass scripts: time-boxed overrides of the deploy gate and their retro reviews.
 */
import type { AuditFor, BreakGlassInput, BreakGlassRecord } from '../store.js';
import { appendEvents, type AuditSettings } from './audit-scripts.js';
import { all, first, run, type Script } from './sql-script.js';

interface BreakGlassRow {
  id: number;
  env: string;
  commit: string;
  person: string;
  reason: string;
  incident: string | null;
  at: string;
  expiresAt: string;
  reviewDueAt: string;
  reviewedAt: string | null;
  reviewedDigest: string | null;
}

const COLUMNS =
  'id, env, commit_sha AS "commit", person, reason, incident, created_at AS "at", expires_at AS "expiresAt", review_due_at AS "reviewDueAt", reviewed_at AS "reviewedAt", reviewed_digest AS "reviewedDigest"';

/** Must run inside `SqlDriver.write`. */
export function* createBreakGlass(input: BreakGlassInput, audit: AuditFor<BreakGlassRecord>, settings: AuditSettings): Script<BreakGlassRecord> {
  const [row] = yield* all<{ id: number }>(
    'INSERT INTO break_glass (env, commit_sha, person, reason, incident, created_at, expires_at, review_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [input.env, input.commit, input.person, input.reason, input.incident ?? null, input.at, input.expiresAt, input.reviewDueAt],
  );
  const record: BreakGlassRecord = { ...input, id: Number(row!.id) };
  yield* appendEvents(audit(record), settings);
  return record;
}

export function* activeBreakGlass(env: string, commit: string, now: string): Script<BreakGlassRecord[]> {
  const rows = yield* all<BreakGlassRow>(`SELECT ${COLUMNS} FROM break_glass WHERE env = ? AND commit_sha = ? AND created_at <= ? AND expires_at > ? ORDER BY id`, [env, commit, now, now]);
  return rows.map(toRecord);
}

export function* openBreakGlassReviews(): Script<BreakGlassRecord[]> {
  return (yield* all<BreakGlassRow>(`SELECT ${COLUMNS} FROM break_glass WHERE reviewed_at IS NULL ORDER BY id`)).map(toRecord);
}

export function* overdueBreakGlassReviews(now: string): Script<BreakGlassRecord[]> {
  return (yield* all<BreakGlassRow>(`SELECT ${COLUMNS} FROM break_glass WHERE reviewed_at IS NULL AND review_due_at < ? ORDER BY id`, [now])).map(toRecord);
}

/** Idempotent: null when the review is unknown or already closed. Must run inside `SqlDriver.write`. */
export function* closeBreakGlassReview(id: number, closed: { at: string; digest: string }, audit: AuditFor<BreakGlassRecord>, settings: AuditSettings): Script<BreakGlassRecord | null> {
  const changed = yield* run('UPDATE break_glass SET reviewed_at = ?, reviewed_digest = ? WHERE id = ? AND reviewed_at IS NULL', [closed.at, closed.digest, id]);
  if (changed === 0) return null;
  const row = yield* first<BreakGlassRow>(`SELECT ${COLUMNS} FROM break_glass WHERE id = ?`, [id]);
  const record = toRecord(row!);
  yield* appendEvents(audit(record), settings);
  return record;
}

function toRecord(row: BreakGlassRow): BreakGlassRecord {
  return {
    id: Number(row.id),
    env: row.env,
    commit: row.commit,
    person: row.person,
    reason: row.reason,
    ...(row.incident !== null ? { incident: row.incident } : {}),
    at: row.at,
    expiresAt: row.expiresAt,
    reviewDueAt: row.reviewDueAt,
    ...(row.reviewedAt !== null ? { reviewedAt: row.reviewedAt } : {}),
    ...(row.reviewedDigest !== null ? { reviewedDigest: row.reviewedDigest } : {}),
  };
}
