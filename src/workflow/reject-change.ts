/**
 * @module `tollgate reject`: block a change until the person who rejected it withdraws the rejection.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import type { Store, StoredChange } from '../store/store.js';
import { resolveChange } from './find-recorded-change.js';
import { findPerson } from './identify-people.js';

export interface RejectInput {
  digestOrPrefix: string;
  person: string;
  reason: string;
}

export interface WithdrawInput {
  digestOrPrefix: string;
  person: string;
  comment?: string;
}

export type RejectResult = { ok: true; digest: string; person: string; alreadyRecorded: boolean } | { ok: false; reason: string; digest?: string; candidates?: string[] };

/**
 * Records a rejection. It blocks the whole line of work, including content pushed later, until the
 * same person withdraws it. Anyone in the catalog may reject (an AI identity too: rejecting only
 * adds friction); a reason is required.
 */
export async function rejectChange(store: Store, input: RejectInput, catalog: Catalog, now: string): Promise<RejectResult> {
  const checked = await checkInput(store, input, catalog, now, 'rejection.refused');
  if (!checked.ok) return checked;
  const { change, personId } = checked;
  if (input.reason.trim() === '') return refuse(store, input, now, 'rejection.refused', 'a rejection needs a reason (`--reason`)', change);
  const line = (await store.approvals.listForLines([change.lineId])).get(change.lineId) ?? [];
  if (line.some((decision) => decision.kind === 'reject' && decision.person === personId && !decision.withdrawn)) {
    return { ok: true, digest: change.digest, person: personId, alreadyRecorded: true };
  }
  await store.approvals.append({ kind: 'reject', digest: change.digest, person: personId, at: now, comment: input.reason }, (decision) => [
    { type: 'change.rejected', actor: personId, subject: change.digest, payload: { id: decision.id, reason: input.reason, systems: change.systems }, at: now },
  ]);
  return { ok: true, digest: change.digest, person: personId, alreadyRecorded: false };
}

/** Withdraws the person's rejections of the change's line; refused when they have none in force. */
export async function withdrawRejection(store: Store, input: WithdrawInput, catalog: Catalog, now: string): Promise<RejectResult> {
  const checked = await checkInput(store, input, catalog, now, 'withdrawal.refused');
  if (!checked.ok) return checked;
  const { change, personId } = checked;
  const line = (await store.approvals.listForLines([change.lineId])).get(change.lineId) ?? [];
  if (!line.some((decision) => decision.kind === 'reject' && decision.person === personId && !decision.withdrawn)) {
    return refuse(store, input, now, 'withdrawal.refused', `\`${personId}\` has no rejection of this change to withdraw`, change);
  }
  await store.approvals.append({ kind: 'withdraw', digest: change.digest, person: personId, at: now, ...(input.comment ? { comment: input.comment } : {}) }, (decision) => [
    { type: 'rejection.withdrawn', actor: personId, subject: change.digest, payload: { id: decision.id, ...(input.comment ? { comment: input.comment } : {}), systems: change.systems }, at: now },
  ]);
  return { ok: true, digest: change.digest, person: personId, alreadyRecorded: false };
}

async function checkInput(
  store: Store,
  input: { digestOrPrefix: string; person: string },
  catalog: Catalog,
  now: string,
  refusal: string,
): Promise<{ ok: true; change: StoredChange; personId: string } | { ok: false; reason: string; candidates?: string[] }> {
  const resolved = await resolveChange(store, input.digestOrPrefix);
  if (!resolved.ok) {
    await refuse(store, input, now, refusal, resolved.reason);
    return { ok: false, reason: resolved.reason, candidates: resolved.candidates };
  }
  const person = findPerson(buildPeopleDirectory(catalog), input.person);
  if (!person) return refuse(store, input, now, refusal, `\`${input.person}\` is not a person in the catalog (\`people\`)`, resolved.change);
  return { ok: true, change: resolved.change, personId: person.id };
}

async function refuse(store: Store, input: { digestOrPrefix: string; person: string }, now: string, type: string, reason: string, change?: StoredChange): Promise<{ ok: false; reason: string; digest?: string }> {
  await store.audit.append({ type, actor: input.person, subject: change?.digest ?? input.digestOrPrefix, payload: { reason, systems: change?.systems ?? [] }, at: now });
  return { ok: false, reason, ...(change ? { digest: change.digest } : {}) };
}
