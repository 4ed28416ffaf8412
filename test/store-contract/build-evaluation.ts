/** Builders of stored evaluations for store and workflow tests (plain data, no mocks). */
import type { ChangeEvaluation, TouchedSystem, Verdict } from '../../src/core/evaluation.js';
import type { Finding } from '../../src/core/finding.js';
import type { Requirement } from '../../src/core/requirement.js';

export interface EvaluationSpec {
  digest: string;
  commits?: { sha: string; patchId?: string; author?: string }[];
  systems?: Partial<TouchedSystem>[];
  verdict?: Verdict;
  branch?: string;
  findings?: Finding[];
  requirements?: Requirement[];
  operators?: string[];
  evaluatedAt?: string;
}

/** A 64-hex digest from a short label, e.g. `digestOf('d1')`. */
export function digestOf(label: string): string {
  return Buffer.from(label).toString('hex').padEnd(64, '0').slice(0, 64);
}

/** A 40-hex sha from a short label. */
export function shaOf(label: string): string {
  return Buffer.from(label).toString('hex').padEnd(40, 'a').slice(0, 40);
}

export function buildEvaluation(spec: EvaluationSpec): ChangeEvaluation {
  const commits = spec.commits ?? [];
  return {
    change: {
      digest: spec.digest,
      source: 'range',
      base: 'b'.repeat(40),
      head: commits[commits.length - 1]?.sha ?? 'c'.repeat(40),
      ...(spec.branch ? { branch: spec.branch } : {}),
      files: 1,
      additions: 1,
      deletions: 0,
      commits: commits.map((commit) => ({
        sha: commit.sha,
        ...(commit.patchId ? { patchId: commit.patchId } : {}),
        subject: `commit ${commit.sha.slice(0, 7)}`,
        author: commit.author ?? 'alice@example.com',
      })),
    },
    systems: (spec.systems ?? [{ id: 'checkout' }]).map((system) => ({
      id: system.id ?? 'checkout',
      name: system.name ?? system.id ?? 'checkout',
      tier: system.tier ?? 1,
      ...(system.org ? { org: system.org } : {}),
      owners: system.owners ?? [],
      ...(system.director ? { director: system.director } : {}),
      ...(system.vp ? { vp: system.vp } : {}),
      files: 1,
      criticalPaths: [],
    })),
    provenance: { level: 'human', confidence: 1, tools: [], operators: spec.operators ?? [], evidence: [] },
    documentation: { source: 'none', sections: [] },
    findings: spec.findings ?? [],
    requirements: spec.requirements ?? [],
    verdict: spec.verdict ?? 'needs-approval',
    notices: [],
    policyDigest: 'f'.repeat(64),
    evaluatedAt: spec.evaluatedAt ?? '2026-01-01T00:00:00.000Z',
  };
}
