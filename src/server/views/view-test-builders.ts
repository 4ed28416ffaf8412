/**
 * @module Builders of recorded changes and audit events for the view tests (plain data, no mocks).
 */
import type { ApprovalRecord } from '../../core/approval.js';
import type { AuditEvent } from '../../core/audit/audit-event.js';
import { catalogSchema, type Catalog } from '../../core/catalog/catalog-schema.js';
import type { ChangeEvaluation } from '../../core/evaluation.js';
import type { Finding } from '../../core/finding.js';
import { buildPeopleDirectory } from '../../core/policy/people.js';
import type { ProvenanceLevel } from '../../core/provenance.js';
import type { Requirement } from '../../core/requirement.js';
import type { StoredChange } from '../../store/store.js';
import { assembleChangeView, type ChangeView } from './assemble-change-view.js';

export const VIEW_CATALOG: Catalog = catalogSchema.parse({
  version: 1,
  people: [{ id: 'ana' }, { id: 'ben' }, { id: 'cho' }, { id: 'dee' }, { id: 'bot', ai: true }],
  teams: { shop: ['ana', 'ben'] },
  systems: [
    { id: 'shop', tier: 1, org: 'retail', owners: ['shop'], director: 'dee', paths: ['shop/**'] },
    { id: 'docs', tier: 3, org: 'retail', owners: ['ana'], paths: ['docs/**'] },
    { id: 'ledger', tier: 2, org: 'finance', owners: ['cho'], director: 'dee', paths: ['ledger/**'] },
  ],
  environments: [{ name: 'production', production: true }, { name: 'staging' }],
});

export interface ChangeSpec {
  digest: string;
  systems?: { id: string; tier: 1 | 2 | 3 }[];
  provenance?: ProvenanceLevel;
  findings?: Finding['severity'][];
  recordedAt?: string;
  /** Approvals needed (one approvals requirement on the first system), default 1. */
  approvals?: number;
  signOffBy?: string;
  authors?: string[];
  supersededBy?: string;
  subject?: string;
}

export function storedChange(spec: ChangeSpec): StoredChange {
  const systems = spec.systems ?? [{ id: 'shop', tier: 1 }];
  const requirements: Requirement[] = [];
  if ((spec.approvals ?? 1) > 0) {
    requirements.push({
      kind: 'approvals', id: `approvals:${systems[0]!.id}`, reason: `tier ${systems[0]!.tier}`, sources: [], satisfied: false, enforcement: 'enforce',
      minimum: spec.approvals ?? 1, minimumFromOwners: 0, ownersLabel: 'shop', owners: ['ana', 'ben'], excluded: spec.authors ?? ['ana'], approvedBy: [], signaturesRequired: false,
    });
  }
  if (spec.signOffBy) requirements.push({ kind: 'sign-off', id: 'sign-off', reason: 'critical finding', sources: [], satisfied: false, enforcement: 'enforce', role: 'director', person: spec.signOffBy });
  const evaluation: ChangeEvaluation = {
    change: { digest: spec.digest, source: 'range', base: 'b', head: 'h', files: 1, additions: 1, deletions: 0, commits: [{ sha: `${spec.digest.slice(0, 8)}c0`, subject: spec.subject ?? `change ${spec.digest.slice(0, 4)}`, author: 'ana@example.com' }] },
    systems: systems.map((s) => ({ id: s.id, name: s.id, tier: s.tier, owners: [], files: 1, criticalPaths: [] })),
    provenance: { level: spec.provenance ?? 'human', confidence: 1, tools: [], operators: [], evidence: [] },
    documentation: { source: 'none', sections: [] },
    findings: (spec.findings ?? []).map((severity) => ({ rule: 'r', severity, message: 'm' })),
    requirements,
    verdict: requirements.length > 0 ? 'needs-approval' : 'allow',
    notices: [],
    policyDigest: 'p',
    evaluatedAt: spec.recordedAt ?? '2026-03-02T10:00:00.000Z',
  };
  return {
    digest: spec.digest,
    evaluation,
    lineId: spec.digest,
    commits: [{ sha: `${spec.digest.slice(0, 8)}c0` }],
    systems: systems.map((s) => s.id),
    recordedAt: spec.recordedAt ?? '2026-03-02T10:00:00.000Z',
    ...(spec.supersededBy ? { supersededBy: spec.supersededBy } : {}),
  };
}

export function approval(person: string, digest: string, at: string, kind: ApprovalRecord['kind'] = 'approve'): ApprovalRecord {
  return { kind, person, digest, at };
}

export function changeView(spec: ChangeSpec, decisions: ApprovalRecord[] = []): ChangeView {
  return assembleChangeView(storedChange(spec), decisions, buildPeopleDirectory(VIEW_CATALOG));
}

let seq = 0;
export function event(type: string, subject: string, at: string, payload: AuditEvent['payload'], actor = 'ci'): AuditEvent {
  seq += 1;
  return { seq, at, actor, type, subject, payload, prevHash: '0'.repeat(64), hash: '1'.repeat(64) };
}
