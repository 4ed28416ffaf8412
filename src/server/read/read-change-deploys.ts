/**
 * @module The deploy-gate history of one change, read back from the audit log.
 *
 * Passed deploys name the changes they carried (`payload.changes`); refused ones name the
 * commits that lacked approval (`payload.unapproved`), so both are matched to the change here.
 */
import type { AuditEvent, Store, StoredChange } from '../../store/store.js';
import type { DeployView } from '../views/deploy-view.js';

/** Refused attempts are looked up per commit; a change with more commits shows the first ones. */
const MAX_COMMITS_LOOKED_UP = 20;
/** Gate events read per change page: the first ones after the change was recorded. */
export const MAX_DEPLOY_EVENTS = 200;

/**
 * Deploys are found among the gate events of the change's first system since it was recorded
 * (a deploy can only carry a change recorded before it); the store has no index by carried change.
 */
export async function readChangeDeploys(store: Store, change: StoredChange): Promise<DeployView[]> {
  const since = change.recordedAt;
  const passed = await store.audit.list({ types: ['deploy'], since, limit: MAX_DEPLOY_EVENTS, ...(change.systems[0] ? { system: change.systems[0] } : {}) });
  const shas = change.commits.slice(0, MAX_COMMITS_LOOKED_UP).map((commit) => commit.sha);
  const refused = (await Promise.all(shas.map((sha) => store.audit.list({ types: ['verify.failed'], subject: sha, since, limit: 50 })))).flat();
  const views: DeployView[] = [];
  for (const event of passed) {
    const changes = stringList(event.payload.changes);
    if (changes.includes(change.digest)) views.push(toDeployView(event));
  }
  for (const event of refused) views.push(toDeployView(event));
  return [...new Map(views.map((view) => [view.seq, view])).values()].sort((a, b) => a.seq - b.seq).slice(0, MAX_DEPLOY_EVENTS);
}

/** A `deploy` or `verify.failed` event as a row of the change page. */
export function toDeployView(event: AuditEvent): DeployView {
  const payload = event.payload;
  const env = typeof payload.env === 'string' ? payload.env : '?';
  if (event.type === 'deploy') {
    const breakGlass = payload.breakGlass !== undefined;
    return {
      seq: event.seq,
      at: event.at,
      env,
      commit: event.subject,
      outcome: breakGlass ? 'break-glass' : 'passed',
      actor: event.actor,
      ...(typeof payload.keyId === 'string' ? { attestationKeyId: payload.keyId } : {}),
    };
  }
  const unapproved = Array.isArray(payload.unapproved) ? payload.unapproved : [];
  const reasons = unapproved.flatMap((entry) => (entry && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.reason === 'string' ? [entry.reason] : []));
  const errors = stringList(payload.errors);
  return { seq: event.seq, at: event.at, env, commit: event.subject, outcome: 'refused', actor: event.actor, reason: [...new Set([...reasons, ...errors])].join('; ') };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
