/**
 * @module "My queue": the changes waiting for one person's decision, riskiest first, each with
 * what is still missing. Pure: fed the current changes with their settled status.
 */
import type { StoredChange } from '../../store/store.js';
import type { ChangeView } from './assemble-change-view.js';

export interface QueueEntry {
  status: ChangeView;
  /** Why this change waits for the person (e.g. `your sign-off as director`, `an approval from checkout-eng`). */
  asks: string[];
  /** Higher is riskier. */
  risk: number;
  /** The strictest tier the change touches. */
  tier: 1 | 2 | 3;
  criticalFindings: number;
  highFindings: number;
  ageHours: number;
}

/** The change's strictest tier (1 is strictest); 3 when it touches nothing. */
export function strictestTier(change: StoredChange): 1 | 2 | 3 {
  const tiers = change.evaluation.systems.map((system) => system.tier);
  return tiers.length > 0 ? (Math.min(...tiers) as 1 | 2 | 3) : 3;
}

/**
 * Risk score: tier dominates, then critical and high findings, AI provenance, critical paths,
 * and age (up to three days) so that nothing waits forever at the bottom.
 */
export function riskScore(change: StoredChange, now: Date): number {
  const evaluation = change.evaluation;
  const critical = evaluation.findings.filter((f) => f.severity === 'critical').length;
  const high = evaluation.findings.filter((f) => f.severity === 'high').length;
  const provenance = evaluation.provenance.level === 'ai-authored' ? 30 : evaluation.provenance.level === 'ai-assisted' ? 15 : 0;
  const criticalPaths = evaluation.systems.some((s) => s.criticalPaths.length > 0) ? 20 : 0;
  const ageHours = Math.max(0, (now.getTime() - Date.parse(change.recordedAt)) / 3_600_000);
  return (4 - strictestTier(change)) * 100 + critical * 40 + high * 15 + provenance + criticalPaths + Math.min(ageHours, 72) / 3;
}

/** What `person` could do to move the change forward; empty when nothing is asked of them. */
export function asksOf(person: string, isEligibleHuman: boolean, status: ChangeView): string[] {
  if (!status.current || status.verdict === 'allow') return [];
  const asks: string[] = [];
  for (const requirement of status.requirements) {
    if (requirement.satisfied || requirement.enforcement !== 'enforce') continue;
    if (requirement.kind === 'sign-off' && requirement.person === person) asks.push(`your sign-off as ${requirement.role}`);
    if (requirement.kind === 'approvals' && isEligibleHuman && !requirement.excluded.includes(person) && !requirement.approvedBy.includes(person)) {
      const fromOwners = requirement.approvedBy.filter((id) => requirement.owners.includes(id)).length;
      const needsOwner = fromOwners < requirement.minimumFromOwners;
      const needsAny = requirement.approvedBy.length < requirement.minimum;
      if (requirement.owners.includes(person) && (needsOwner || needsAny)) asks.push(`an approval from ${requirement.ownersLabel}`);
      else if (needsAny && !needsOwner) asks.push('an approval');
      else if (needsAny) asks.push(`an approval (one more must come from ${requirement.ownersLabel})`);
    }
  }
  return asks;
}

/** Sorts by risk (highest first), then oldest first. */
export function byRisk(a: QueueEntry, b: QueueEntry): number {
  return b.risk - a.risk || a.status.change.recordedAt.localeCompare(b.status.change.recordedAt) || a.status.change.digest.localeCompare(b.status.change.digest);
}

/** Builds queue entries for every open change; `mine` holds those that ask something of `person`. */
export function assembleQueue(
  statuses: readonly ChangeView[],
  person: string,
  isEligibleHuman: boolean,
  now: Date,
): { mine: QueueEntry[]; others: QueueEntry[] } {
  const mine: QueueEntry[] = [];
  const others: QueueEntry[] = [];
  for (const status of statuses) {
    if (!status.current || status.verdict === 'allow') continue;
    const { change } = status;
    const findings = change.evaluation.findings;
    const entry: QueueEntry = {
      status,
      asks: asksOf(person, isEligibleHuman, status),
      risk: riskScore(change, now),
      tier: strictestTier(change),
      criticalFindings: findings.filter((f) => f.severity === 'critical').length,
      highFindings: findings.filter((f) => f.severity === 'high').length,
      ageHours: Math.max(0, (now.getTime() - Date.parse(change.recordedAt)) / 3_600_000),
    };
    (entry.asks.length > 0 ? mine : others).push(entry);
  }
  return { mine: mine.sort(byRisk), others: others.sort(byRisk) };
}

