/**
 * @module The workflow against the local store (SQLite in `.tollgate/`, or PostgreSQL by URL).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_KEY_FILE, defaultKeysDir, readSigningKey, type SigningKey } from '../attest/read-keys.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { drainGuardSpool } from '../guard/log/guard-spool.js';
import type { Store } from '../store/store.js';
import { approveChange, type ApprovalRefusal } from '../workflow/approve-change.js';
import { breakGlass } from '../workflow/break-glass.js';
import { changeStatus } from '../workflow/change-status.js';
import { RecordRefusedError, recordChange } from '../workflow/record-change.js';
import { rejectChange, withdrawRejection, type RejectResult } from '../workflow/reject-change.js';
import { verifyDeploy } from '../workflow/verify-deploy.js';
import { resolveIdentity } from './resolve-identity.js';
import { refusal, type Answer, type Decided, type DecisionRequest, type WorkflowGateway } from './workflow-gateway.js';

export interface LocalGatewayOptions {
  store: Store;
  catalog: Catalog;
  /** Repository root: where `.tollgate/keys/` lives. */
  repoDir?: string;
  cwd: string;
  /** The time every decision is made at (`readClock`). */
  now: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** References that do not resolve are input errors (exit 2); every other refusal is policy (exit 1). */
const INPUT_ERRORS: ReadonlySet<string> = new Set<ApprovalRefusal>(['not-found', 'ambiguous', 'invalid']);

/** Opens nothing itself: the caller opened the store and read the catalog (`openWorkflowGateway`). */
export function localWorkflowGateway(options: LocalGatewayOptions): WorkflowGateway {
  const { store, catalog, now } = options;
  return {
    mode: 'local',
    location: `${store.kind} ${store.location}`,
    async identify(as) {
      const identity = await resolveIdentity({ ...(as !== undefined ? { as } : {}), env: options.env, cwd: options.cwd, catalog });
      return identity.ok ? { ok: true, value: { person: identity.person, source: identity.source } } : refusal(2, 'no-identity', identity.reason);
    },
    async resolve(digestOrPrefix) {
      const found = await store.changes.find(digestOrPrefix.toLowerCase());
      return found.ok ? { ok: true, value: found.change.digest } : refusal(2, found.reason, found.message, found.candidates);
    },
    async record(request) {
      let result: Awaited<ReturnType<typeof recordChange>>;
      try {
        result = await recordChange(store, request.evaluation, {
          now,
          catalog,
          ...(request.actor ? { actor: request.actor } : {}),
          ...(request.lineKey ? { lineKey: request.lineKey } : {}),
          ...(request.rangePatchId ? { rangePatchId: request.rangePatchId } : {}),
        });
      } catch (error) {
        // The store refused (e.g. a commit already recorded with another patch id): policy, exit 1.
        if (error instanceof RecordRefusedError) return refusal(1, error.refusal.code, error.refusal.reason);
        throw error;
      }
      const { created, evaluationUpdated, addedCommits, superseded, reinstated } = result;
      return { ok: true, value: { evaluation: result.change.evaluation, recorded: { created, evaluationUpdated, addedCommits, superseded, reinstated, reviewsClosed: result.reviewsClosed.map((record) => record.id) } } };
    },
    decide: (request) => decide(options, request),
    async status(digestOrPrefix) {
      const status = await changeStatus(store, digestOrPrefix.toLowerCase(), catalog, now);
      if (!status.ok) return refusal(2, status.candidates.length > 1 ? 'ambiguous' : 'not-found', status.reason, status.candidates);
      const { ok: _ok, ...view } = status;
      return { ok: true, value: view };
    },
    async verify(request) {
      const key = await loadSigningKey(options);
      if (!key.ok) return key;
      return { ok: true, value: await verifyDeploy(store, { ...request, catalog, now, signingKey: key.value }) };
    },
    async breakGlass(request) {
      const result = await breakGlass(store, request, catalog, now);
      return result.ok ? { ok: true, value: result.record } : refusal(1, 'refused', result.reason);
    },
    async auditEvents(query) {
      await drainGuardDecisions(store, options);
      return { ok: true, value: await store.audit.list(query) };
    },
    async auditVerify(verifyOptions) {
      await drainGuardDecisions(store, options);
      return { ok: true, value: await store.audit.verify(verifyOptions) };
    },
    async checkpoint() {
      const key = await loadSigningKey(options);
      if (!key.ok) return key;
      if ((await store.audit.head()) === null) return refusal(2, 'empty', 'the audit log is empty: nothing to checkpoint');
      return { ok: true, value: { checkpoint: await store.audit.checkpoint(), publicKey: key.value.publicKeyPem } };
    },
    close: () => store.close(),
  };
}

async function decide(options: LocalGatewayOptions, request: DecisionRequest): Promise<Answer<Decided>> {
  const { store, catalog, now } = options;
  const digestOrPrefix = request.digestOrPrefix.toLowerCase();
  if (request.kind === 'approve' || request.kind === 'sign-off') {
    const result = await approveChange(
      store,
      {
        digestOrPrefix,
        person: request.person,
        ...(request.kind === 'sign-off' ? { signOff: true } : {}),
        ...(request.comment ? { comment: request.comment } : {}),
        ...(request.signature ? { signature: request.signature } : {}),
      },
      catalog,
      now,
    );
    if (!result.ok) return refusal(INPUT_ERRORS.has(result.code) ? 2 : 1, result.code, result.reason, result.candidates);
    return { ok: true, value: { digest: result.digest, person: result.person, kind: result.kind, ...(result.role ? { role: result.role } : {}), alreadyRecorded: result.alreadyRecorded } };
  }
  const result: RejectResult =
    request.kind === 'reject'
      ? await rejectChange(store, { digestOrPrefix, person: request.person, reason: request.reason ?? '' }, catalog, now)
      : await withdrawRejection(store, { digestOrPrefix, person: request.person, ...(request.comment ? { comment: request.comment } : {}) }, catalog, now);
  if (!result.ok) {
    // No digest means the reference itself did not resolve: an input error, like an unknown digest elsewhere.
    if (!result.digest) return refusal(2, result.candidates && result.candidates.length > 1 ? 'ambiguous' : 'not-found', result.reason, result.candidates);
    return refusal(1, 'refused', result.reason);
  }
  return { ok: true, value: { digest: result.digest, person: result.person, kind: request.kind, alreadyRecorded: result.alreadyRecorded } };
}

/** The attestation key: `$TOLLGATE_SIGNING_KEY`, else `<repo>/.tollgate/keys/attestation.key`. */
async function loadSigningKey(options: LocalGatewayOptions): Promise<Answer<SigningKey>> {
  const explicit = options.env.TOLLGATE_SIGNING_KEY?.trim();
  const path = explicit || join(defaultKeysDir(options.repoDir ?? options.cwd), PRIVATE_KEY_FILE);
  if (!existsSync(path)) {
    return refusal(2, 'no-signing-key', `no attestation key at \`${path}\`: run \`tollgate keys init\` first (without a key nothing can be signed, so the gate fails closed)`);
  }
  try {
    return { ok: true, value: await readSigningKey(path) };
  } catch (error) {
    return refusal(2, 'bad-signing-key', (error as Error).message);
  }
}

/**
 * The agent guard spools its decisions to files (opening the store on every hook call would slow
 * every agent action); reading the audit log first moves them into the chain, so nothing is missed.
 */
async function drainGuardDecisions(store: Store, options: { env: NodeJS.ProcessEnv; repoDir?: string }): Promise<void> {
  const dataDir = options.env.TOLLGATE_DATA_DIR || (options.repoDir ? join(options.repoDir, '.tollgate') : undefined);
  if (dataDir) await drainGuardSpool(dataDir, store.audit);
}
