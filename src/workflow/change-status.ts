/**
 * @module `tollgate status`: every requirement of a recorded change, settled with today's decisions.
 */
import type { ApprovalRecord } from '../core/approval.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import type { Verdict } from '../core/evaluation.js';
import { evaluateFreezes, type FreezeEvaluation } from '../core/freezes/evaluate-freezes.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import type { NoFreezeRequirement, Requirement } from '../core/requirement.js';
import type { Store, StoredChange } from '../store/store.js';
import { short } from './assess-commits.js';
import { resolveChange } from './find-recorded-change.js';
import { policyDigestOf } from './policy-digest.js';
import { listRetroReviews, type RetroReview } from './retro-reviews.js';
import { describeUnmet, settleStoredChange } from './settle-stored-change.js';

export interface ChangeStatus {
  ok: true;
  change: StoredChange;
  /** False when newer content of the line superseded this digest. */
  current: boolean;
  /** The line's current digest (this one when current). */
  currentDigest: string;
  verdict: Verdict;
  requirements: Requirement[];
  /** One line per unmet enforced requirement. */
  missing: string[];
  /** Approvals and sign-offs that count for this content. */
  approvals: ApprovalRecord[];
  /** Approvals and sign-offs of other content of the line: shown, never counted. */
  stale: ApprovalRecord[];
  rejections: ApprovalRecord[];
  /** Freezes over the change's systems: in force now, and starting within 7 days. */
  freezes: FreezeEvaluation;
  /** Break-glass overrides of this change's commits whose retro review is open. */
  retroReviews: RetroReview[];
  notices: string[];
}

export type ChangeStatusResult = ChangeStatus | { ok: false; reason: string; candidates: string[] };

/** Reads the change and its line's decisions and settles its requirements at `now`. Writes nothing. */
export async function changeStatus(store: Store, digestOrPrefix: string, catalog: Catalog, now: string): Promise<ChangeStatusResult> {
  const resolved = await resolveChange(store, digestOrPrefix);
  if (!resolved.ok) return { ok: false, reason: resolved.reason, candidates: resolved.candidates };
  const change = resolved.change;
  const line = await store.changes.line(change.lineId);
  const decisions = (await store.approvals.listForLines([change.lineId])).get(change.lineId) ?? [];
  const freezes = evaluateFreezes(catalog.freezes, change.evaluation.systems, now);
  const settled = settleStoredChange(change, decisions, buildPeopleDirectory(catalog), freezeRequirement(freezes));
  const notices: string[] = [];
  if (change.supersededBy) notices.push(`superseded by \`${short(change.supersededBy)}\`: its approvals are stale and it cannot be deployed`);
  if (change.evaluation.policyDigest !== policyDigestOf(catalog)) {
    notices.push('evaluated under a different catalog than the current one: run `tollgate check --record` to re-evaluate');
  }
  notices.push(...freezes.errors);
  return {
    ok: true,
    change,
    current: !change.supersededBy,
    currentDigest: line.find((member) => !member.supersededBy)?.digest ?? change.digest,
    verdict: settled.verdict,
    requirements: settled.requirements,
    missing: describeUnmet(settled.requirements),
    approvals: settled.counted,
    stale: settled.stale,
    rejections: settled.rejections,
    freezes,
    retroReviews: await listRetroReviews(store, catalog, now, change.commits.map((commit) => commit.sha)),
    notices,
  };
}

/** A blocking requirement while a freeze covers the change's systems. */
function freezeRequirement(freezes: FreezeEvaluation): NoFreezeRequirement[] {
  if (freezes.active.length === 0) return [];
  const ids = freezes.active.map((window) => window.id);
  const until = freezes.active.map((window) => window.until).sort().pop();
  return [
    {
      kind: 'no-freeze',
      id: 'no-freeze',
      reason: `change freeze ${ids.map((id) => `\`${id}\``).join(', ')}${until && !freezes.active.some((window) => window.error) ? ` until ${until}` : ''}`,
      sources: [...new Set(freezes.active.flatMap((window) => window.systems))].map((system) => ({ system })),
      freezes: ids,
      satisfied: false,
      enforcement: 'enforce',
    },
  ];
}
