/**
 * @module Is each commit covered by an approved recorded change? Matched by sha or by patch id.
 */
import type { PeopleDirectory } from '../core/policy/people.js';
import type { Requirement } from '../core/requirement.js';
import type { CommitRef, Store, StoredChange } from '../store/store.js';
import { describeUnmet, settleStoredChange, type SettledChange } from './settle-stored-change.js';

export interface CommitAssessment {
  sha: string;
  /** True when a current recorded change containing this commit is `allow` with its decisions. */
  approved: boolean;
  /** The change that lets it through, when approved. */
  allowedBy?: SettledChange;
  /** Every recorded change the commit matched (by sha, commit patch id, or whole-range patch id). */
  candidates: SettledChange[];
  /** Why it is not approved, one line; absent when approved. */
  reason?: string;
  /** What each candidate still lacks. */
  missing: string[];
}

/**
 * Assesses commits against the store in a constant number of queries (for a 500-commit deploy).
 * A squash or rebase merge is recognised by patch id: the squash commit's patch id equals the
 * recorded whole-range patch id; rebased commits keep their per-commit patch ids.
 */
export async function assessCommits(store: Store, commits: readonly CommitRef[], people: PeopleDirectory, extra: (change: StoredChange) => Requirement[] = () => []): Promise<CommitAssessment[]> {
  const patchIds = [...new Set(commits.flatMap((commit) => (commit.patchId ? [commit.patchId] : [])))];
  const holding = await store.changes.findHolding(
    commits.map((commit) => commit.sha),
    patchIds,
  );
  const changes = new Map<string, StoredChange>(holding.map((change) => [change.digest, change]));
  const decisions = await store.approvals.listForLines([...new Set([...changes.values()].map((change) => change.lineId))]);
  const settled = new Map<string, SettledChange>();
  for (const change of changes.values()) settled.set(change.digest, settleStoredChange(change, decisions.get(change.lineId) ?? [], people, extra(change)));

  const shaIndex = new Map<string, SettledChange[]>();
  const patchIndex = new Map<string, SettledChange[]>();
  const push = (index: Map<string, SettledChange[]>, key: string, value: SettledChange): void => {
    const list = index.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    index.set(key, list);
  };
  for (const entry of settled.values()) {
    for (const commit of entry.change.commits) {
      push(shaIndex, commit.sha, entry);
      if (commit.patchId) push(patchIndex, commit.patchId, entry);
    }
    if (entry.change.rangePatchId) push(patchIndex, entry.change.rangePatchId, entry);
  }

  return commits.map((commit) => {
    const candidates = [...(shaIndex.get(commit.sha) ?? [])];
    for (const entry of commit.patchId ? (patchIndex.get(commit.patchId) ?? []) : []) if (!candidates.includes(entry)) candidates.push(entry);
    const allowedBy = candidates.find((entry) => entry.verdict === 'allow' && entry.change.supersededBy === undefined);
    if (allowedBy) return { sha: commit.sha, approved: true, allowedBy, candidates, missing: [] };
    return { sha: commit.sha, approved: false, candidates, reason: explain(candidates), missing: candidates.flatMap((entry) => describeUnmet(entry.requirements).map((line) => `${short(entry.change.digest)}: ${line}`)) };
  });
}

/**
 * Why the deployed commit is not a complete approved state, or undefined when it is. Every commit
 * of a range may belong to an approved change, yet the tree of an intermediate commit of that
 * change was never evaluated. The deployed commit must be the last commit of an approved change
 * (by sha, or by its patch id after a rebase merge), or carry an approved change's range patch id
 * (a squash merge, or a merge commit's first-parent diff).
 */
export function checkDeployTarget(target: CommitRef, assessment: CommitAssessment): string | undefined {
  if (!assessment.approved) return undefined;
  const approved = assessment.candidates.filter((entry) => entry.verdict === 'allow' && entry.change.supersededBy === undefined);
  const complete = approved.some((entry) => {
    const last = lastCommitsOf(entry.change);
    if (last.some((commit) => commit.sha === target.sha)) return true;
    if (!target.patchId) return false;
    return target.patchId === entry.change.rangePatchId || last.some((commit) => commit.patchId === target.patchId);
  });
  if (complete) return undefined;
  const entry = approved[0] ?? assessment.allowedBy!;
  const last = lastCommitsOf(entry.change);
  const head = last[last.length - 1]?.sha ?? '?';
  return `commit ${target.sha} is in the middle of approved change ${short(entry.change.digest)}: deploy its last commit ${head}`;
}

function lastCommitsOf(change: StoredChange): CommitRef[] {
  if (change.lastCommits && change.lastCommits.length > 0) return change.lastCommits;
  const last = change.evaluation.change.commits.at(-1) ?? change.commits.at(-1);
  return last ? [{ sha: last.sha, ...(last.patchId ? { patchId: last.patchId } : {}) }] : [];
}

function explain(candidates: SettledChange[]): string {
  if (candidates.length === 0) return 'not part of any recorded change (record it with `tollgate check --record`)';
  const current = candidates.filter((entry) => entry.change.supersededBy === undefined);
  if (current.length === 0) {
    const entry = candidates[0]!;
    return `its recorded content \`${short(entry.change.digest)}\` was superseded by \`${short(entry.change.supersededBy ?? '')}\`; approvals of old content are stale`;
  }
  return current.map((entry) => `change \`${short(entry.change.digest)}\` is ${entry.verdict}`).join('; ');
}

export function short(digest: string): string {
  return digest.slice(0, 12);
}
