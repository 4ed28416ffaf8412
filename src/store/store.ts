/**
 * @module The persistence port: audit log, recorded changes, decisions and break-glass overrides.
 *
 * Two adapters implement it (`sqlite/`, `postgres/`) and pass one contract suite
 * (`store.contract.ts`). Every method is async so the PostgreSQL adapter fits; every write that
 * must be audited takes the audit events to append *in the same database transaction*, so a
 * crash can never leave a decision without its trace or a trace without its decision.
 */
import type { ApprovalKind, ApprovalRecord } from '../core/approval.js';
import type { AuditEvent, AuditEventInput } from '../core/audit/audit-event.js';
import type { Checkpoint } from '../core/audit/checkpoint-statement.js';
import type { ChangeEvaluation } from '../core/evaluation.js';

export type { AuditEvent, AuditEventInput } from '../core/audit/audit-event.js';
export type { Checkpoint } from '../core/audit/checkpoint-statement.js';

/** Builds the audit events of a write from its outcome; called inside the write's transaction. */
export type AuditFor<T> = (outcome: T) => AuditEventInput[];

// ---------------------------------------------------------------- audit

export interface AuditQuery {
  types?: readonly string[];
  /** ISO 8601, inclusive. */
  since?: string;
  /** ISO 8601, exclusive. */
  until?: string;
  subject?: string;
  actor?: string;
  /** Events whose payload lists this system id in `systems`. */
  system?: string;
  afterSeq?: number;
  /** Default 1000. */
  limit?: number;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditVerifyOptions {
  /** A checkpoint kept elsewhere: the log must still reach it with the same hash. */
  checkpoint?: Checkpoint;
  /** PEM public key: when given, checkpoint signatures are checked too. */
  publicKey?: string;
}

export type AuditVerifyResult =
  | { ok: true; count: number; head?: AuditHead; checkpointsChecked: number }
  | { ok: false; firstBadSeq: number; reason: string; count: number };

export interface AuditLog {
  /** Appends one event; the database serialises concurrent appenders. */
  append(event: AuditEventInput): Promise<AuditEvent>;
  /** Events in ascending seq order. */
  list(query?: AuditQuery): Promise<AuditEvent[]>;
  head(): Promise<AuditHead | null>;
  /** Re-hashes the whole chain, comparing it with stored (and the given) checkpoints. */
  verify(options?: AuditVerifyOptions): Promise<AuditVerifyResult>;
  /** Signs and stores a checkpoint of the current head. Throws when the store has no signing key or the log is empty. */
  checkpoint(): Promise<Checkpoint>;
  latestCheckpoint(): Promise<Checkpoint | null>;
}

// ---------------------------------------------------------------- changes

export interface CommitRef {
  sha: string;
  /** `git patch-id --stable` of the commit; absent for merge and empty commits. */
  patchId?: string;
}

export interface RecordChangeInput {
  evaluation: ChangeEvaluation;
  /** ISO 8601 time of the record. */
  at: string;
  /**
   * Identity of the line of work across pushes when the adapter knows one, e.g. `branch:feature/x`
   * or `github:org/repo#123`. Changes sharing it supersede each other.
   */
  lineKey?: string;
  /** `git patch-id --stable` of the whole base..head diff: how a squash merge is recognised. */
  rangePatchId?: string;
}

/** A recorded change. See docs/store.md, "change lines", for how supersession works. */
export interface StoredChange {
  digest: string;
  evaluation: ChangeEvaluation;
  /** The line of work this content belongs to; the digest of its first recorded change. */
  lineId: string;
  lineKey?: string;
  rangePatchId?: string;
  /** Every commit ever recorded for this content (a rebase adds shas with the same patch ids). */
  commits: CommitRef[];
  /**
   * The commits at the change's last position (one per rebase that kept the digest): the commits
   * whose tree is the complete recorded content. Filled by the store; builders may leave it out.
   */
  lastCommits?: CommitRef[];
  systems: string[];
  recordedAt: string;
  /** The digest that replaced this content as the line's current one; absent while current. */
  supersededBy?: string;
}

export interface RecordChangeOutcome {
  change: StoredChange;
  /** False when the digest was already recorded (the record was idempotent). */
  created: boolean;
  /** True when a known digest came back with a different evaluation (e.g. a newer policy). */
  evaluationUpdated: boolean;
  /** Commit shas this record added (a rebase that kept the digest adds new shas). */
  addedCommits: string[];
  /** Digests this record made stale. */
  superseded: string[];
  /** True when a known, superseded digest became current again. */
  reinstated: boolean;
  /**
   * True when a known digest came back with a different evaluation but the stored one was kept:
   * decisions were already recorded for that content, so what they decided about stays as it was.
   */
  evaluationKept?: boolean;
}

/**
 * A record the store refused, with nothing written but its audit event: a commit sha already
 * recorded with a patch id was claimed with a different one (a sha has one diff).
 */
export interface RecordChangeRefusal {
  refused: true;
  code: 'patch-id-conflict';
  /** One line, naming the sha and both patch ids. */
  reason: string;
  /** The digest the refused record was for. */
  digest: string;
  /** Systems of the refused evaluation, for the audit event. */
  systems: string[];
}

/** Narrows a record result to a refusal. */
export function isRecordRefusal(result: RecordChangeOutcome | RecordChangeRefusal): result is RecordChangeRefusal {
  return 'refused' in result && result.refused;
}

export type FindChangeResult =
  | { ok: true; change: StoredChange }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'invalid'; message: string; candidates: string[] };

export interface ChangeStore {
  /**
   * Idempotent by digest. Supersedes the other current changes of the same line. Refuses (writing
   * only the audit events `audit` returns for the refusal) a commit sha whose recorded patch id differs.
   */
  record(input: RecordChangeInput, audit: AuditFor<RecordChangeOutcome | RecordChangeRefusal>): Promise<RecordChangeOutcome | RecordChangeRefusal>;
  get(digest: string): Promise<StoredChange | null>;
  /** Several changes in one read, in the order of `digests`; unknown digests are left out. */
  getMany(digests: readonly string[]): Promise<StoredChange[]>;
  /** By full digest or unique prefix (at least 4 hex digits). */
  find(digestOrPrefix: string): Promise<FindChangeResult>;
  /** Changes holding any of these commit shas. */
  findByCommits(shas: readonly string[]): Promise<StoredChange[]>;
  /**
   * Changes holding any of `shas`, or a commit with one of `patchIds`, or whose whole-range patch
   * id is one of them: what the deploy gate looks up, in one read.
   */
  findHolding(shas: readonly string[], patchIds: readonly string[]): Promise<StoredChange[]>;
  /** Every change of a line, oldest first. */
  line(lineId: string): Promise<StoredChange[]>;
}

// ---------------------------------------------------------------- approvals

/** `withdraw` takes back the same person's earlier rejections on the line. */
export type DecisionKind = ApprovalKind | 'withdraw';

export interface DecisionInput {
  kind: DecisionKind;
  digest: string;
  person: string;
  at: string;
  comment?: string;
  role?: string;
  signature?: string;
}

export interface StoredDecision extends DecisionInput {
  id: number;
}

export interface ApprovalStore {
  /** Appends a decision about a recorded digest. */
  append(decision: DecisionInput, audit: AuditFor<StoredDecision>): Promise<StoredDecision>;
  /** Decisions about one digest, with withdrawals folded into `withdrawn` rejections. */
  list(digest: string): Promise<ApprovalRecord[]>;
  /** Decisions about every digest of these lines, per line id, folded the same way. */
  listForLines(lineIds: readonly string[]): Promise<Map<string, ApprovalRecord[]>>;
}

// ---------------------------------------------------------------- break-glass

export interface BreakGlassInput {
  env: string;
  commit: string;
  person: string;
  reason: string;
  incident?: string;
  at: string;
  expiresAt: string;
  /** When the retro review (normal approvals of the change) is due. */
  reviewDueAt: string;
}

export interface BreakGlassRecord extends BreakGlassInput {
  id: number;
  /** Set once the change behind the commit got its normal approvals. */
  reviewedAt?: string;
  reviewedDigest?: string;
}

export interface BreakGlassStore {
  create(input: BreakGlassInput, audit: AuditFor<BreakGlassRecord>): Promise<BreakGlassRecord>;
  /** Overrides for this environment and commit in force at `now`. */
  active(env: string, commit: string, now: string): Promise<BreakGlassRecord[]>;
  /** Overrides whose retro review is not done yet, oldest first. */
  openReviews(): Promise<BreakGlassRecord[]>;
  /** Open reviews whose due time is before `now`. */
  overdue(now: string): Promise<BreakGlassRecord[]>;
  /** Closes a retro review; null when unknown or already closed (idempotent). */
  closeReview(id: number, closed: { at: string; digest: string }, audit: AuditFor<BreakGlassRecord>): Promise<BreakGlassRecord | null>;
}

// ---------------------------------------------------------------- the store

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file path, or the URL without its password. */
  readonly location: string;
  readonly audit: AuditLog;
  readonly changes: ChangeStore;
  readonly approvals: ApprovalStore;
  readonly breakGlass: BreakGlassStore;
  /** Highest applied migration. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
