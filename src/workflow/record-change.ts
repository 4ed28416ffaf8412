/**
 * @module `check --record`: store an evaluated change, idempotently, and audit what changed.
 */
import type { AuditEventInput } from '../core/audit/audit-event.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import type { ChangeEvaluation } from '../core/evaluation.js';
import { isRecordRefusal, type BreakGlassRecord, type RecordChangeOutcome, type RecordChangeRefusal, type Store } from '../store/store.js';
import { closeMetRetroReviews } from './retro-reviews.js';

export interface RecordChangeOptions {
  /** ISO 8601 time of the record. */
  now: string;
  /** Who records it (person id, email or `ci`); `tollgate` by default. */
  actor?: string;
  /** Identity of the line of work, e.g. `branch:feature/x` (not for the default branch) or `github:org/repo#12`. */
  lineKey?: string;
  /** `git patch-id --stable` of the whole base..head diff, so a squash merge of it is recognised. */
  rangePatchId?: string;
  /** When given, retro reviews this record satisfies are closed. */
  catalog?: Catalog;
}

export interface RecordChangeResult extends RecordChangeOutcome {
  /** Break-glass retro reviews this record satisfied. */
  reviewsClosed: BreakGlassRecord[];
}

/**
 * Thrown when the store refused the record (its `change.record-refused` audit event is already
 * written): the caller should show `message` and fail, never report the change as recorded.
 */
export class RecordRefusedError extends Error {
  override readonly name = 'RecordRefusedError';
  constructor(readonly refusal: RecordChangeRefusal) {
    super(`record refused: ${refusal.reason}`);
  }
}

/**
 * Records the change. Idempotent by digest: recording the same content again writes nothing
 * (beyond commit shas a rebase added, or a re-evaluation under a different policy while no
 * decision is recorded for the content). Throws `RecordRefusedError` when the store refused it. Recording new
 * content of a line supersedes the old content, whose approvals become stale (`change.superseded`).
 */
export async function recordChange(store: Store, evaluation: ChangeEvaluation, options: RecordChangeOptions): Promise<RecordChangeResult> {
  const outcome = await storeRecord(store, evaluation, options);
  if (isRecordRefusal(outcome)) throw new RecordRefusedError(outcome);
  const reviewsClosed = options.catalog ? await closeMetRetroReviews(store, options.catalog, options.now) : [];
  return { ...outcome, reviewsClosed };
}

async function storeRecord(store: Store, evaluation: ChangeEvaluation, options: RecordChangeOptions): Promise<RecordChangeOutcome | RecordChangeRefusal> {
  const actor = options.actor ?? 'tollgate';
  const outcome = await store.changes.record(
    {
      evaluation,
      at: options.now,
      ...(options.lineKey ? { lineKey: options.lineKey } : {}),
      ...(options.rangePatchId ? { rangePatchId: options.rangePatchId } : {}),
    },
    (result) => (isRecordRefusal(result) ? [refusalEvent(result, actor, options.now)] : recordEvents(result, evaluation, actor, options.now)),
  );
  return outcome;
}

function refusalEvent(refusal: RecordChangeRefusal, actor: string, at: string): AuditEventInput {
  return { type: 'change.record-refused', actor, subject: refusal.digest, payload: { code: refusal.code, reason: refusal.reason, systems: refusal.systems }, at };
}

function recordEvents(outcome: RecordChangeOutcome, submitted: ChangeEvaluation, actor: string, at: string): AuditEventInput[] {
  const { change } = outcome;
  const evaluation = change.evaluation;
  const summary = {
    digest: change.digest,
    verdict: evaluation.verdict,
    systems: change.systems,
    commits: evaluation.change.commits.map((commit) => commit.sha),
    policyDigest: evaluation.policyDigest,
    lineId: change.lineId,
  };
  const events: AuditEventInput[] = [];
  if (outcome.created) {
    events.push({
      type: 'change.recorded',
      actor,
      subject: change.digest,
      payload: {
        ...summary,
        provenance: evaluation.provenance.level,
        findings: evaluation.findings.length,
        unmet: evaluation.requirements.filter((requirement) => !requirement.satisfied).map((requirement) => requirement.id),
      },
      at,
    });
  } else if (outcome.evaluationUpdated) {
    events.push({ type: 'change.re-evaluated', actor, subject: change.digest, payload: summary, at });
  } else if (outcome.evaluationKept) {
    // Decisions were recorded for the stored evaluation, so it was kept; the differing one is only noted.
    events.push({
      type: 'change.re-evaluation-refused',
      actor,
      subject: change.digest,
      payload: {
        reason: 'decisions are recorded for this content: its stored evaluation is kept',
        systems: change.systems,
        keptVerdict: evaluation.verdict,
        keptPolicyDigest: evaluation.policyDigest,
        submittedVerdict: submitted.verdict,
        submittedPolicyDigest: submitted.policyDigest,
      },
      at,
    });
  }
  if (!outcome.created && outcome.addedCommits.length > 0) {
    events.push({ type: 'change.commits-added', actor, subject: change.digest, payload: { systems: change.systems, commits: outcome.addedCommits }, at });
  }
  if (outcome.reinstated) events.push({ type: 'change.reinstated', actor, subject: change.digest, payload: { systems: change.systems }, at });
  for (const digest of outcome.superseded) {
    // Stale-marking: from here on, approvals of `digest` no longer count anywhere.
    events.push({ type: 'change.superseded', actor, subject: digest, payload: { by: change.digest, systems: change.systems, lineId: change.lineId }, at });
  }
  return events;
}
