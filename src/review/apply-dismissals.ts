/**
 * @module Dismissing reviewer findings: an owner's recorded decision removes one finding, and only it.
 *
 * Pure. Who may dismiss (an owner, never an author or an AI identity) is the caller's check; this
 * function guarantees the structural part: only `review:*` findings can be dismissed, each
 * dismissal needs a reason, and a dismissal that matches nothing is reported, not ignored.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';

/** A person's decision to dismiss one reviewer finding, as recorded in the audit log. */
export interface ReviewDismissal {
  findingKey: string;
  /** Catalog person id of who dismissed it. */
  person: string;
  reason: string;
}

export interface DismissalResult {
  /** Findings that still count. */
  findings: Finding[];
  dismissed: { finding: Finding; dismissal: ReviewDismissal }[];
  rejected: { dismissal: ReviewDismissal; problem: string }[];
}

/**
 * A stable 16-hex-digit key for a finding: sha256 over rule, file, line and message.
 * The same cached review yields the same keys; a new review of new content yields new ones,
 * so a dismissal never carries over to findings it was not made for.
 */
export function findingKey(finding: Finding): string {
  const material = JSON.stringify([finding.rule, finding.file ?? null, finding.line ?? null, finding.message]);
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** Removes the reviewer findings that `dismissals` name; everything else passes through untouched. */
export function applyDismissals(findings: readonly Finding[], dismissals: readonly ReviewDismissal[]): DismissalResult {
  const keys = findings.map(findingKey);
  const accepted = new Map<string, ReviewDismissal>();
  const rejected: DismissalResult['rejected'] = [];
  for (const dismissal of dismissals) {
    const matches = findings.filter((_, i) => keys[i] === dismissal.findingKey);
    if (dismissal.reason.trim() === '') rejected.push({ dismissal, problem: 'a dismissal needs a reason' });
    else if (matches.length === 0) rejected.push({ dismissal, problem: `no finding has key \`${dismissal.findingKey}\`` });
    else if (!matches.every((f) => f.rule.startsWith('review:'))) {
      rejected.push({ dismissal, problem: `finding \`${dismissal.findingKey}\` comes from a deterministic rule; only reviewer findings can be dismissed` });
    } else if (!accepted.has(dismissal.findingKey)) accepted.set(dismissal.findingKey, dismissal);
  }
  const kept: Finding[] = [];
  const dismissed: DismissalResult['dismissed'] = [];
  findings.forEach((finding, i) => {
    const dismissal = accepted.get(keys[i]!);
    if (dismissal) dismissed.push({ finding, dismissal });
    else kept.push(finding);
  });
  return { findings: kept, dismissed, rejected };
}
