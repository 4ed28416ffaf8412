/**
 * @module The workflow as the CLI sees it, whether it runs against the local store or a Tollgate server.
 *
 * Both implementations answer with the same data, so every command prints the same output and
 * exits with the same code in local and server mode.
 */
import type { Change } from '../core/change.js';
import type { Documentation } from '../core/documentation.js';
import type { ChangeEvaluation } from '../core/evaluation.js';
import type { AuditEvent, AuditQuery, AuditVerifyResult, BreakGlassRecord, Checkpoint, CommitRef, DecisionKind } from '../store/store.js';
import type { BreakGlassInput } from '../workflow/break-glass.js';
import type { ChangeStatus } from '../workflow/change-status.js';
import type { VerifyDeployResult } from '../workflow/verify-deploy.js';

/**
 * Why a request did not go through. `exit` is the CLI's exit code: 1 for a refusal by policy
 * (author, stale content, unknown person, no permission), 2 for bad input or configuration
 * (unknown digest, ambiguous prefix, no signing key, store or server unreachable).
 */
export interface Refusal {
  ok: false;
  exit: 1 | 2;
  code: string;
  reason: string;
  /** Digests an ambiguous prefix matched. */
  candidates?: string[];
}

export type Answer<T> = { ok: true; value: T } | Refusal;

export interface RecordRequest {
  change: Change;
  documentation: Documentation;
  /** The local evaluation; a server evaluates again under its own catalog. */
  evaluation: ChangeEvaluation;
  lineKey?: string;
  rangePatchId?: string;
  /** Who records it (local mode); a server uses the token's person. */
  actor?: string;
}

/** What `check --record` did, the same fields as the API's `recorded`. */
export interface RecordSummary {
  created: boolean;
  evaluationUpdated: boolean;
  addedCommits: string[];
  superseded: string[];
  reinstated: boolean;
  /** Ids of break-glass retro reviews this record satisfied. */
  reviewsClosed: number[];
}

export interface Recorded {
  /** The evaluation as stored (a server's own, in server mode). */
  evaluation: ChangeEvaluation;
  recorded: RecordSummary;
}

export type { DecisionKind } from '../store/store.js';

export interface DecisionRequest {
  kind: DecisionKind;
  digestOrPrefix: string;
  /** Catalog person id (local mode); a server decides as the token's person. */
  person: string;
  /** Comment of an approval, sign-off or withdrawal. */
  comment?: string;
  /** Reason of a rejection. */
  reason?: string;
  /** Armored SSH signature over the approval statement. */
  signature?: string;
}

export interface Decided {
  digest: string;
  person: string;
  kind: DecisionKind;
  role?: 'director' | 'vp';
  /** True when the same decision was already recorded (nothing written). */
  alreadyRecorded: boolean;
}

/** `tollgate status` data: `ChangeStatus` as the API serialises it (`tollgate.status/v1`). */
export type StatusView = Omit<ChangeStatus, 'ok'>;

export interface VerifyRequest {
  env: string;
  commit: string;
  since?: string;
  commits: CommitRef[];
  /** Who runs the gate (local mode). */
  actor?: string;
}

/** What break-glass takes; `person` is the catalog id in local mode, and a server uses the token's person. */
export type BreakGlassRequest = BreakGlassInput;

export interface Identity {
  person: string;
  /** How the person was found: `--as`, `TOLLGATE_USER`, `git user.email` or `token`. */
  source: string;
}

export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /** PEM public key of the signer, when known. */
  publicKey?: string;
}

export interface WorkflowGateway {
  readonly mode: 'local' | 'server';
  /** The store file, database or server URL, for messages. */
  readonly location: string;
  /** The acting person: `--as`/`TOLLGATE_USER`/git email locally; the token's person on a server (which `--as` must match). */
  identify(as?: string): Promise<Answer<Identity>>;
  /** The full digest of a digest or unique prefix. */
  resolve(digestOrPrefix: string): Promise<Answer<string>>;
  record(request: RecordRequest): Promise<Answer<Recorded>>;
  decide(request: DecisionRequest): Promise<Answer<Decided>>;
  status(digestOrPrefix: string): Promise<Answer<StatusView>>;
  /** The gate's answer, pass or fail; a refusal only when the gate could not run at all. */
  verify(request: VerifyRequest): Promise<Answer<VerifyDeployResult>>;
  breakGlass(request: BreakGlassRequest): Promise<Answer<BreakGlassRecord>>;
  /** Events in ascending seq order; `limit` may exceed one page. */
  auditEvents(query: AuditQuery): Promise<Answer<AuditEvent[]>>;
  auditVerify(options: { checkpoint?: Checkpoint; publicKey?: string }): Promise<Answer<AuditVerifyResult>>;
  /** Signs a checkpoint of the current head now. */
  checkpoint(): Promise<Answer<SignedCheckpoint>>;
  close(): Promise<void>;
}

/** A refusal with the given exit code. */
export function refusal(exit: 1 | 2, code: string, reason: string, candidates?: string[]): Refusal {
  return { ok: false, exit, code, reason, ...(candidates && candidates.length > 0 ? { candidates } : {}) };
}
