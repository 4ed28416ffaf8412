/**
 * @module `tollgate verify`: the deploy gate. Every commit going out must be approved as it is.
 */
import { assembleDeployStatement, signStatement, type DeployPredicate, type InTotoStatement } from '../attest/assemble-deploy-statement.js';
import type { SigningKey } from '../attest/read-keys.js';
import type { DsseEnvelope } from '../attest/sign-envelope.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { evaluateFreezes, type FreezeWindow } from '../core/freezes/evaluate-freezes.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import type { BreakGlassRecord, CommitRef, Store } from '../store/store.js';
import { assessCommits, checkDeployTarget, type CommitAssessment } from './assess-commits.js';
import { policyDigestOf } from './policy-digest.js';
import { reportOverdueRetroReviews } from './retro-reviews.js';
import type { SettledChange } from './settle-stored-change.js';

export interface VerifyDeployInput {
  env: string;
  /** The commit about to be deployed. */
  commit: string;
  /** The commit deployed last, when known. */
  since?: string;
  /** Every commit in since..commit (the adapter resolves the range with git); includes `commit`. */
  commits: readonly CommitRef[];
  catalog: Catalog;
  now: string;
  /** Signs the attestation on pass. */
  signingKey: SigningKey;
  /** Who runs the gate (CI job, person); `tollgate` by default. */
  actor?: string;
}

export interface UnapprovedCommit {
  sha: string;
  reason: string;
  /** What the recorded changes holding it still lack. */
  missing: string[];
}

export type VerifyDeployResult =
  | { ok: true; env: string; commit: string; changes: string[]; breakGlass?: BreakGlassRecord; statement: InTotoStatement; attestation: DsseEnvelope; seq: number }
  | { ok: false; env: string; commit: string; unapproved: UnapprovedCommit[]; freezes: FreezeWindow[]; errors: string[] };

/**
 * Passes only when every commit belongs to a current recorded change whose verdict is `allow`
 * with the decisions recorded for that exact content, and no freeze covers the systems deployed —
 * or when a break-glass override is in force for this environment and commit. Any error fails
 * closed. A pass signs an attestation and records `deploy`; a failure records `verify.failed`.
 */
export async function verifyDeploy(store: Store, input: VerifyDeployInput): Promise<VerifyDeployResult> {
  const actor = input.actor ?? 'tollgate';
  let failure: Extract<VerifyDeployResult, { ok: false }>;
  try {
    const outcome = await decide(store, input, actor);
    if (outcome.ok) return outcome;
    failure = outcome;
  } catch (error) {
    failure = { ok: false, env: input.env, commit: input.commit, unapproved: [], freezes: [], errors: [`verification failed closed: ${(error as Error).message}`] };
  }
  await store.audit
    .append({
      type: 'verify.failed',
      actor,
      subject: input.commit,
      payload: {
        env: input.env,
        ...(input.since ? { since: input.since } : {}),
        commits: input.commits.length,
        unapproved: failure.unapproved.map((entry) => ({ sha: entry.sha, reason: entry.reason })),
        freezes: failure.freezes.map((window) => window.id),
        errors: failure.errors,
      },
      at: input.now,
    })
    .catch((error: unknown) => failure.errors.push(`the failure could not be audited: ${(error as Error).message}`));
  return failure;
}

/** When the gate last reported overdue retro reviews for a store, by the gate's clock. */
const lastOverdueReport = new WeakMap<Store, number>();
/**
 * Retro reviews fall due days after a break-glass: reporting them at most once a minute is prompt
 * enough, and spares a server answering many `verify` calls a scan per call.
 */
const OVERDUE_REPORT_INTERVAL_MS = 60_000;

async function reportOverdueIfDue(store: Store, input: VerifyDeployInput): Promise<void> {
  const now = Date.parse(input.now);
  const last = lastOverdueReport.get(store);
  if (last !== undefined && Math.abs(now - last) < OVERDUE_REPORT_INTERVAL_MS) return;
  await reportOverdueRetroReviews(store, input.catalog, input.now);
  lastOverdueReport.set(store, now);
}

async function decide(store: Store, input: VerifyDeployInput, actor: string): Promise<VerifyDeployResult> {
  const fail = (fields: Partial<Extract<VerifyDeployResult, { ok: false }>>): VerifyDeployResult => ({ ok: false, env: input.env, commit: input.commit, unapproved: [], freezes: [], errors: [], ...fields });
  if (!/^[0-9a-f]{4,64}$/i.test(input.commit)) return fail({ errors: [`\`${input.commit}\` is not a commit sha`] });
  if (input.commits.length === 0 && input.since !== input.commit) return fail({ errors: ['no commits to verify: the range is empty or could not be resolved'] });
  if (input.commits.length > 0 && !input.commits.some((commit) => commit.sha === input.commit)) return fail({ errors: [`the commit range does not contain \`${input.commit}\``] });
  await reportOverdueIfDue(store, input);

  const [override] = await store.breakGlass.active(input.env, input.commit, input.now);
  const assessed = await assessCommits(store, input.commits, buildPeopleDirectory(input.catalog));
  const allowed = uniqueChanges(assessed.flatMap((entry) => (entry.allowedBy ? [entry.allowedBy] : [])));
  if (!override) {
    const unapproved = assessed.filter((entry) => !entry.approved).map((entry) => ({ sha: entry.sha, reason: entry.reason ?? 'not approved', missing: entry.missing }));
    // The deployed tree itself must be one that was evaluated and approved, not a step inside a change.
    const targetIndex = input.commits.findIndex((commit) => commit.sha === input.commit);
    const incomplete = targetIndex >= 0 ? checkDeployTarget(input.commits[targetIndex]!, assessed[targetIndex]!) : undefined;
    if (incomplete) unapproved.push({ sha: input.commit, reason: incomplete, missing: [] });
    const freezes = deployFreezes(input, assessed);
    if (unapproved.length > 0 || freezes.active.length > 0) return fail({ unapproved, freezes: freezes.active, errors: freezes.errors });
  }

  const predicate = buildPredicate(input, allowed, override);
  const statement = assembleDeployStatement(predicate);
  const attestation = signStatement(statement, input.signingKey);
  const event = await store.audit.append({
    type: 'deploy',
    actor,
    subject: input.commit,
    payload: {
      env: input.env,
      ...(input.since ? { since: input.since } : {}),
      changes: allowed.map((entry) => entry.change.digest),
      systems: [...new Set(allowed.flatMap((entry) => entry.change.systems))],
      ...(override ? { breakGlass: override.id } : {}),
      keyId: input.signingKey.keyId,
      policyDigest: predicate.policyDigest,
    },
    at: input.now,
  });
  return { ok: true, env: input.env, commit: input.commit, changes: allowed.map((entry) => entry.change.digest), ...(override ? { breakGlass: override } : {}), statement, attestation, seq: event.seq };
}

/**
 * Freezes covering every system the deployed changes touch. Skipped only for an environment the
 * catalog declares non-production; unknown environments are treated as production.
 */
function deployFreezes(input: VerifyDeployInput, assessed: CommitAssessment[]): ReturnType<typeof evaluateFreezes> {
  const declared = input.catalog.environments.find((environment) => environment.name === input.env);
  if (declared && !declared.production) return { active: [], upcoming: [], errors: [] };
  const systems = new Map(assessed.flatMap((entry) => entry.candidates.flatMap((candidate) => candidate.change.evaluation.systems)).map((system) => [system.id, system]));
  return evaluateFreezes(input.catalog.freezes, [...systems.values()], input.now);
}

function buildPredicate(input: VerifyDeployInput, allowed: SettledChange[], override: BreakGlassRecord | undefined): DeployPredicate {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let total = 0;
  for (const entry of allowed) {
    for (const finding of entry.change.evaluation.findings) {
      bySeverity[finding.severity] += 1;
      total += 1;
    }
  }
  return {
    env: input.env,
    commit: input.commit,
    ...(input.since ? { since: input.since } : {}),
    changes: allowed.map((entry) => ({
      digest: entry.change.digest,
      verdict: entry.verdict,
      systems: entry.change.systems,
      commits: entry.change.commits.map((commit) => commit.sha),
      policyDigest: entry.change.evaluation.policyDigest,
    })),
    approvals: allowed.flatMap((entry) =>
      entry.counted.map((decision) => ({ digest: decision.digest, person: decision.person, kind: decision.kind === 'sign-off' ? ('sign-off' as const) : ('approve' as const), at: decision.at, signed: decision.signature !== undefined })),
    ),
    findings: { total, bySeverity },
    policyDigest: policyDigestOf(input.catalog),
    ...(override ? { breakGlass: { id: override.id, person: override.person, reason: override.reason, ...(override.incident ? { incident: override.incident } : {}), expiresAt: override.expiresAt } } : {}),
    verifiedAt: input.now,
  };
}

function uniqueChanges(entries: SettledChange[]): SettledChange[] {
  return [...new Map(entries.map((entry) => [entry.change.digest, entry])).values()];
}
