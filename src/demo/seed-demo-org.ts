/**
 * @module Seeds the demo organisation into an empty store (`tollgate serve --demo`) through the real
 * workflow: each change is evaluated by the core, recorded, approved, refused, deployed through the
 * gate and broken glass for, at its time in a ten-week history ending now.
 */
import type { SigningKey } from '../attest/read-keys.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { evaluateChange } from '../core/evaluate-change.js';
import { createToken } from '../server/identity/manage-tokens.js';
import type { IdentityStore, Role } from '../server/identity/identity-store.js';
import type { Store } from '../store/store.js';
import { approveChange } from '../workflow/approve-change.js';
import { breakGlass } from '../workflow/break-glass.js';
import { recordChange } from '../workflow/record-change.js';
import { rejectChange } from '../workflow/reject-change.js';
import { verifyDeploy } from '../workflow/verify-deploy.js';
import { buildDemoChange, demoDocumentation } from './build-demo-change.js';
import { demoScenarios, type DemoAction, type DemoScenario } from './demo-scenarios.js';

export interface DemoSeedInput {
  store: Store;
  identities: IdentityStore;
  catalog: Catalog;
  /** Signs the demo's deploy attestations; without it the history has no deploys. */
  signingKey?: SigningKey;
  now: Date;
}

export interface DemoSeedResult {
  changes: number;
  deploys: number;
  /** Tokens made for trying the CLI against the demo (shown once). */
  tokens: { person: string; role: Role; token: string }[];
}

const HOUR = 3_600_000;

interface Recorded {
  digest: string;
  commits: { sha: string; patchId?: string }[];
  author: string;
}

interface Step {
  at: number;
  order: number;
  run(recorded: Map<string, Recorded>, at: string): Promise<void>;
}

export async function seedDemoOrg(input: DemoSeedInput): Promise<DemoSeedResult> {
  const { store, catalog } = input;
  const nowMs = input.now.getTime();
  const steps: Step[] = [];
  let deploys = 0;
  const personOf = (email: string): string => catalog.people.find((p) => p.emails.includes(email))?.id ?? email;

  for (const scenario of demoScenarios()) {
    const recordAt = nowMs - scenario.hoursAgo * HOUR;
    steps.push({ at: recordAt, order: steps.length, run: (recorded, at) => record(scenario, recorded, at) });
    for (const action of scenario.actions) {
      const at = recordAt + action.after * HOUR;
      if (at >= nowMs) continue;
      steps.push({ at, order: steps.length, run: (recorded, when) => act(action, recorded.get(scenario.key)!, when) });
    }
  }

  async function record(scenario: DemoScenario, recorded: Map<string, Recorded>, at: string): Promise<void> {
    const change = buildDemoChange({ ...scenario.spec, key: scenario.key, at: new Date(Date.parse(at) - HOUR).toISOString() });
    const evaluation = await evaluateChange({ change, catalog, documentation: demoDocumentation(scenario.docs), decisions: [], now: at });
    const committer = change.commits[change.commits.length - 1]!.committer.email;
    await recordChange(store, evaluation, { now: at, actor: personOf(committer), catalog, ...(scenario.lineKey ? { lineKey: scenario.lineKey } : {}) });
    recorded.set(scenario.key, {
      digest: change.digest,
      commits: change.commits.map((c) => ({ sha: c.sha, ...(c.patchId ? { patchId: c.patchId } : {}) })),
      author: personOf(committer),
    });
  }

  async function act(action: DemoAction, change: Recorded, at: string): Promise<void> {
    const head = change.commits[change.commits.length - 1]!.sha;
    switch (action.kind) {
      case 'approve':
      case 'sign-off':
        await approveChange(store, { digestOrPrefix: change.digest, person: action.person, signOff: action.kind === 'sign-off', ...(action.comment ? { comment: action.comment } : {}) }, catalog, at);
        return;
      case 'self-approve':
        await approveChange(store, { digestOrPrefix: change.digest, person: action.person }, catalog, at);
        return;
      case 'reject':
        await rejectChange(store, { digestOrPrefix: change.digest, person: action.person, reason: action.reason }, catalog, at);
        return;
      case 'break-glass':
        await breakGlass(store, { env: 'production', commit: head, person: action.person, reason: action.reason, incident: action.incident, durationMinutes: 120 }, catalog, at);
        return;
      case 'deploy': {
        if (!input.signingKey) return;
        const result = await verifyDeploy(store, { env: 'production', commit: head, commits: change.commits, catalog, now: at, signingKey: input.signingKey, actor: 'deploy-bot' });
        if (result.ok) deploys += 1;
        return;
      }
    }
  }

  const recorded = new Map<string, Recorded>();
  for (const step of steps.sort((a, b) => a.at - b.at || a.order - b.order)) await step.run(recorded, new Date(step.at).toISOString());

  const tokens: DemoSeedResult['tokens'] = [];
  for (const [person, role] of [
    ['deploy-bot', 'ci'],
    ['dave', 'approver'],
  ] as const) {
    const created = await createToken(store, input.identities, catalog, { person, role, createdBy: 'demo', now: input.now.toISOString(), label: 'demo', expires: '30d' });
    if (created.ok) tokens.push({ person, role, token: created.issued.token });
  }
  // A signed checkpoint of the seeded history, so the audit log shows one from the start.
  if (input.signingKey) await store.audit.checkpoint();
  return { changes: recorded.size, deploys, tokens };
}
