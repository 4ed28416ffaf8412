import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../approval.js';
import { catalogSchema, type Catalog } from '../catalog/catalog-schema.js';
import { buildSystemIndex } from '../catalog/system-index.js';
import type { Change } from '../change.js';
import type { Finding } from '../finding.js';
import type { ProvenanceLevel } from '../provenance.js';
import type { ApprovalsRequirement, Requirement } from '../requirement.js';
import { assembleRequirements } from './assemble-requirements.js';
import { findChangeAuthors, findUnknownAuthors } from './change-authors.js';
import { decideVerdict } from './decide-verdict.js';
import { buildPeopleDirectory } from './people.js';
import type { RequirementContext, ReviewResult } from './requirement-context.js';
import { resolveTierPolicy } from './tier-policy.js';
import { findTouchedSystems } from './touched-systems.js';

const CATALOG = catalogSchema.parse({
  version: 1,
  people: [
    { id: 'carol', emails: ['carol@example.com'] },
    { id: 'dave', emails: ['dave@example.com'] },
    { id: 'erin', emails: ['erin@example.com'] },
    { id: 'paul', emails: ['paul@example.com'] },
    { id: 'tom', emails: ['tom@example.com'] },
    { id: 'dana', emails: ['dana@example.com'] },
    { id: 'claude', emails: ['noreply@anthropic.com'], ai: true },
  ],
  teams: { 'checkout-eng': ['carol', 'dave', 'erin'], platform: ['paul'] },
  guardrails: { owners: ['platform'] },
  systems: [
    { id: 'checkout', tier: 1, owners: ['checkout-eng'], director: 'dana', paths: ['services/checkout/**'], critical: ['services/checkout/pricing/**'] },
    { id: 'search', tier: 2, owners: ['tom'], paths: ['services/search/**'] },
    { id: 'docs', tier: 3, owners: ['tom'], paths: ['docs/**'] },
  ],
});

const DIGEST = 'd'.repeat(64);

interface Scenario {
  paths: string[];
  author?: string;
  level?: ProvenanceLevel;
  findings?: Finding[];
  decisions?: ApprovalRecord[];
  docs?: string[];
  review?: ReviewResult;
  catalog?: Catalog;
}

function requirementsFor(scenario: Scenario): Requirement[] {
  const catalog = scenario.catalog ?? CATALOG;
  const email = scenario.author ?? 'carol@example.com';
  const change: Change = {
    source: 'range',
    base: 'b',
    head: 'h',
    files: scenario.paths.map((path) => ({ path, status: 'modified', binary: false, additions: 1, deletions: 1, hunks: [] })),
    commits: [
      {
        sha: 'c1',
        author: { name: 'A', email },
        committer: { name: 'A', email },
        authoredAt: '2026-03-02T10:00:00Z',
        subject: 's',
        message: 's',
        trailers: [],
      },
    ],
    artifacts: [],
    digest: DIGEST,
    stats: { files: scenario.paths.length, additions: 1, deletions: 1 },
  };
  const provenance = { level: scenario.level ?? 'human', confidence: 1, tools: [], operators: [], evidence: [] };
  const people = buildPeopleDirectory(catalog);
  const ctx: RequirementContext = {
    change,
    catalog,
    systems: findTouchedSystems(change, buildSystemIndex(catalog)),
    provenance,
    findings: scenario.findings ?? [],
    documentation: { source: 'file', sections: Object.fromEntries((scenario.docs ?? []).map((section) => [section, 'real text'])) },
    decisions: scenario.decisions ?? [],
    ...(scenario.review ? { review: scenario.review } : {}),
    people,
    authors: findChangeAuthors(change, provenance, people),
    unknownAuthors: findUnknownAuthors(change, people),
    policyOf: (tier) => resolveTierPolicy(catalog, tier),
    ruleEnforcement: (rule, tier) => catalog.rules.enforcement[rule] ?? resolveTierPolicy(catalog, tier).enforcement,
  };
  return assembleRequirements(ctx);
}

const approve = (person: string, digest = DIGEST): ApprovalRecord => ({ kind: 'approve', person, digest, at: '2026-03-02T11:00:00Z' });
const approvalsOf = (requirements: Requirement[], id: string): ApprovalsRequirement =>
  requirements.find((requirement): requirement is ApprovalsRequirement => requirement.id === id)!;
const finding = (rule: string, severity: Finding['severity'], file?: string): Finding => ({ rule, severity, message: 'm', ...(file ? { file } : {}) });
const TIER1_DOCS = ['summary', 'risk', 'rollback', 'testing'];

describe('friction follows risk', () => {
  it.each([
    { name: 'tier-3 human docs fix', scenario: { paths: ['docs/a.md'] }, verdict: 'allow', count: 0 },
    { name: 'tier-3 ai-authored change', scenario: { paths: ['docs/a.md'], level: 'ai-authored' as const }, verdict: 'needs-approval', count: 1 },
    { name: 'tier-2 human change', scenario: { paths: ['services/search/a.ts'], docs: ['summary', 'testing'] }, verdict: 'needs-approval', count: 1 },
    { name: 'tier-1 human change', scenario: { paths: ['services/checkout/a.ts'], docs: TIER1_DOCS }, verdict: 'needs-approval', count: 2 },
    { name: 'unclaimed file (default tier 3)', scenario: { paths: ['README.md'] }, verdict: 'allow', count: 0 },
  ])('$name', ({ scenario, verdict, count }) => {
    const requirements = requirementsFor(scenario);
    expect(decideVerdict(requirements)).toBe(verdict);
    const approvals = requirements.filter((r): r is ApprovalsRequirement => r.kind === 'approvals');
    expect(Math.max(0, ...approvals.map((r) => r.minimum))).toBe(count);
  });

  it('asks tier-1 for two approvals, one from the owners, never from the author', () => {
    const requirement = approvalsOf(requirementsFor({ paths: ['services/checkout/a.ts'] }), 'approvals:checkout');
    expect(requirement).toMatchObject({ minimum: 2, minimumFromOwners: 1, ownersLabel: 'checkout-eng', reason: 'tier 1' });
    expect(requirement.excluded).toEqual(['carol']);
  });

  it('is satisfied by two eligible approvals including an owner, and not by the author or an AI', () => {
    const base = { paths: ['services/checkout/a.ts'], docs: TIER1_DOCS };
    expect(decideVerdict(requirementsFor({ ...base, decisions: [approve('carol'), approve('claude'), approve('dave')] }))).toBe('needs-approval');
    expect(decideVerdict(requirementsFor({ ...base, decisions: [approve('paul'), approve('tom')] }))).toBe('needs-approval');
    const ok = requirementsFor({ ...base, decisions: [approve('paul'), approve('dave')] });
    expect(approvalsOf(ok, 'approvals:checkout').approvedBy).toEqual(['dave', 'paul']);
    expect(decideVerdict(ok)).toBe('allow');
  });

  it('does not count approvals of other content (stale) or of people unknown to the catalog', () => {
    const requirements = requirementsFor({
      paths: ['services/checkout/a.ts'],
      docs: TIER1_DOCS,
      decisions: [approve('paul', 'e'.repeat(64)), approve('dave'), approve('mallory')],
    });
    expect(approvalsOf(requirements, 'approvals:checkout').approvedBy).toEqual(['dave']);
    expect(decideVerdict(requirements)).toBe('needs-approval');
  });

  it('adds one owner approval for high findings and a director sign-off for critical ones', () => {
    const requirements = requirementsFor({
      paths: ['services/checkout/a.ts'],
      findings: [finding('tests-weakened', 'high', 'services/checkout/a.ts'), finding('infra-destroy', 'critical')],
    });
    expect(approvalsOf(requirements, 'approvals:checkout')).toMatchObject({ minimum: 2, minimumFromOwners: 2 });
    const signOff = requirements.find((r) => r.kind === 'sign-off');
    expect(signOff).toMatchObject({ person: 'dana', role: 'director', satisfied: false, reason: 'critical finding infra-destroy' });
    expect(decideVerdict(requirements)).toBe('blocked');
  });

  it('lifts the block once the director signs off this exact content', () => {
    const requirements = requirementsFor({
      paths: ['services/checkout/a.ts'],
      docs: TIER1_DOCS,
      findings: [finding('infra-destroy', 'critical')],
      decisions: [approve('dave'), approve('paul'), { kind: 'sign-off', person: 'dana', digest: DIGEST, at: '2026-03-02T12:00:00Z' }],
    });
    expect(decideVerdict(requirements)).toBe('allow');
  });

  it('needs owner approvals from every touched tier-1 and tier-2 system', () => {
    const requirements = requirementsFor({ paths: ['services/checkout/a.ts', 'services/search/b.ts'], decisions: [approve('dave')] });
    expect(approvalsOf(requirements, 'approvals:checkout').satisfied).toBe(false);
    expect(approvalsOf(requirements, 'approvals:search')).toMatchObject({ ownersLabel: 'tom', satisfied: false });
  });

  it('asks for the ai-usage section only when AI was involved', () => {
    const human = requirementsFor({ paths: ['services/checkout/a.ts'], docs: TIER1_DOCS });
    expect(human.find((r) => r.kind === 'docs')).toMatchObject({ satisfied: true, missing: [] });
    const ai = requirementsFor({ paths: ['services/checkout/a.ts'], docs: TIER1_DOCS, level: 'ai-assisted' });
    expect(ai.find((r) => r.kind === 'docs')).toMatchObject({ satisfied: false, missing: ['ai-usage'] });
  });

  it('adds an owner approval when an author is unknown to the catalog (they could approve under another id)', () => {
    const known = approvalsOf(requirementsFor({ paths: ['services/checkout/a.ts'] }), 'approvals:checkout');
    const unknown = approvalsOf(requirementsFor({ paths: ['services/checkout/a.ts'], author: 'someone@elsewhere.example' }), 'approvals:checkout');
    expect(unknown.minimumFromOwners).toBe(known.minimumFromOwners + 1);
    expect(unknown.reason).toContain('author not in the catalog (someone@elsewhere.example)');
    const bot = approvalsOf(requirementsFor({ paths: ['services/checkout/a.ts'], author: '49699333+dependabot[bot]@users.noreply.github.com' }), 'approvals:checkout');
    expect(bot.minimumFromOwners).toBe(known.minimumFromOwners);
    const tier3 = requirementsFor({ paths: ['docs/a.md'], author: 'someone@elsewhere.example' });
    expect(decideVerdict(tier3)).toBe('allow');
  });

  it('routes guardrail changes to the guardrail owners', () => {
    const requirements = requirementsFor({ paths: ['.github/workflows/ci.yml'], findings: [finding('guardrail-change', 'medium', '.github/workflows/ci.yml')] });
    expect(approvalsOf(requirements, 'approvals:guardrails')).toMatchObject({ minimum: 1, minimumFromOwners: 1, owners: ['paul'] });
  });

  it('blocks a rejected change until the rejection is withdrawn, whatever the content', () => {
    const reject: ApprovalRecord = { kind: 'reject', person: 'dave', digest: 'old', at: '2026-03-02T12:00:00Z' };
    expect(decideVerdict(requirementsFor({ paths: ['docs/a.md'], decisions: [reject] }))).toBe('blocked');
    expect(decideVerdict(requirementsFor({ paths: ['docs/a.md'], decisions: [{ ...reject, withdrawn: true }] }))).toBe('allow');
  });

  it('reports evaluate-mode requirements without failing the gate', () => {
    const catalog = catalogSchema.parse({ ...CATALOG, policy: { tiers: { 1: { enforcement: 'evaluate' } } } });
    const requirements = requirementsFor({ paths: ['services/checkout/a.ts'], catalog });
    expect(requirements.every((r) => r.enforcement === 'evaluate' && !r.satisfied)).toBe(true);
    expect(decideVerdict(requirements)).toBe('allow');
  });

  it('keeps a rule enforced even when its tier only evaluates', () => {
    const catalog = catalogSchema.parse({
      ...CATALOG,
      policy: { tiers: { 1: { enforcement: 'evaluate' } } },
      rules: { enforcement: { 'infra-destroy': 'enforce' } },
    });
    const requirements = requirementsFor({ paths: ['services/checkout/a.ts'], catalog, findings: [finding('infra-destroy', 'critical')] });
    expect(decideVerdict(requirements)).toBe('blocked');
  });
});

describe('the agentic reviewer can only add friction', () => {
  const base = { paths: ['services/checkout/a.ts'], docs: TIER1_DOCS, decisions: [approve('dave'), approve('paul')] };

  it.each<{ name: string; review: ReviewResult; fromOwners: number }>([
    { name: 'clean review', review: { status: 'completed', findings: [] }, fromOwners: 1 },
    { name: 'high reviewer finding', review: { status: 'completed', findings: [finding('review:correctness', 'high', 'services/checkout/a.ts')] }, fromOwners: 2 },
    { name: 'review unavailable', review: { status: 'unavailable', reason: 'deadline exceeded' }, fromOwners: 2 },
    { name: 'review skipped', review: { status: 'skipped', reason: '--no-review' }, fromOwners: 2 },
  ])('$name', ({ review, fromOwners }) => {
    const without = requirementsFor(base);
    const withReview = requirementsFor({ ...base, review });
    expect(approvalsOf(withReview, 'approvals:checkout').minimumFromOwners).toBe(fromOwners);
    expect(withReview.length).toBeGreaterThanOrEqual(without.length);
    for (const requirement of without) {
      const counterpart = withReview.find((r) => r.id === requirement.id)!;
      if (requirement.kind === 'approvals') expect((counterpart as ApprovalsRequirement).minimum).toBeGreaterThanOrEqual(requirement.minimum);
    }
  });
});
