/**
 * @module `tollgate approve`: record an approval or sign-off of exactly one content digest.
 */
import { approvalStatement } from '../attest/approval-statement.js';
import { verifySshSignature, type SshSignatureCheck, type SshVerifyInput } from '../attest/verify-ssh-signature.js';
import type { Catalog, CatalogPerson } from '../core/catalog/catalog-schema.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import { resolveTierPolicy } from '../core/policy/tier-policy.js';
import type { BreakGlassRecord, Store, StoredChange } from '../store/store.js';
import { short } from './assess-commits.js';
import { resolveChange } from './find-recorded-change.js';
import { authorsOf, findPerson } from './identify-people.js';
import { closeMetRetroReviews } from './retro-reviews.js';

export interface ApproveInput {
  digestOrPrefix: string;
  /** Catalog person id or email. */
  person: string;
  comment?: string;
  /** A director or VP sign-off instead of an approval. */
  signOff?: boolean;
  /** Armored SSH signature over `approvalStatement({kind, digest, person})`. */
  signature?: string;
}

export type ApprovalRefusal =
  | 'not-found'
  | 'ambiguous'
  | 'invalid'
  | 'unknown-person'
  | 'ai-identity'
  | 'author'
  | 'superseded'
  | 'not-a-signer'
  | 'signature-required'
  | 'bad-signature';

export type ApproveResult =
  | { ok: true; digest: string; person: string; kind: 'approve' | 'sign-off'; role?: 'director' | 'vp'; alreadyRecorded: boolean; reviewsClosed: BreakGlassRecord[] }
  | { ok: false; code: ApprovalRefusal; reason: string; digest?: string; candidates?: string[] };

export interface ApproveOptions {
  /** Replaces `ssh-keygen` verification (tests of the refusal paths only). */
  verifySignature?: (input: SshVerifyInput) => Promise<SshSignatureCheck>;
}

/**
 * Records an approval (or, with `signOff`, a sign-off) of the change's exact content, or refuses
 * with a reason. Refused: unknown people, AI identities, authors and operators of the change,
 * content that is no longer current, sign-offs by anyone but a touched system's director or VP,
 * and missing or invalid signatures where the tier demands them. Both outcomes are audited.
 */
export async function approveChange(store: Store, input: ApproveInput, catalog: Catalog, now: string, options: ApproveOptions = {}): Promise<ApproveResult> {
  const kind = input.signOff ? 'sign-off' : 'approve';
  const refuse = async (code: ApprovalRefusal, reason: string, change?: StoredChange, candidates?: string[]): Promise<ApproveResult> => {
    await store.audit.append({
      type: 'approval.refused',
      actor: input.person,
      subject: change?.digest ?? input.digestOrPrefix,
      payload: { code, reason, kind, person: input.person, systems: change?.systems ?? [] },
      at: now,
    });
    return { ok: false, code, reason, ...(change ? { digest: change.digest } : {}), ...(candidates ? { candidates } : {}) };
  };

  const resolved = await resolveChange(store, input.digestOrPrefix);
  if (!resolved.ok) return refuse(resolved.code, resolved.reason, undefined, resolved.candidates);
  const change = resolved.change;
  const people = buildPeopleDirectory(catalog);
  const person = findPerson(people, input.person);
  if (!person) return refuse('unknown-person', `\`${input.person}\` is not a person in the catalog (\`people\`)`, change);
  if (person.ai) return refuse('ai-identity', `\`${person.id}\` is an ai identity: ai can never approve`, change);
  if (authorsOf(change.evaluation, people).has(person.id)) {
    return refuse('author', `\`${person.id}\` wrote or operated this change and cannot ${kind === 'approve' ? 'approve' : 'sign off'} it`, change);
  }
  if (change.supersededBy) {
    return refuse('superseded', `\`${short(change.digest)}\` is no longer the change's current content: new commits made it \`${short(change.supersededBy)}\`; review and approve that instead`, change);
  }
  const role = kind === 'sign-off' ? signOffRole(change, catalog, person) : undefined;
  if (kind === 'sign-off' && !role) return refuse('not-a-signer', `\`${person.id}\` is not the director or vp of ${change.systems.map((id) => `\`${id}\``).join(', ') || 'the touched systems'}`, change);

  const statement = approvalStatement({ kind, digest: change.digest, person: person.id });
  if (input.signature) {
    const check = await (options.verifySignature ?? verifySshSignature)({ message: statement, signature: input.signature, principal: person.id, publicKeys: person.keys });
    if (!check.ok) return refuse('bad-signature', check.reason, change);
  } else if (signaturesRequired(change, catalog)) {
    return refuse('signature-required', `the policy of ${change.systems.map((id) => `\`${id}\``).join(', ')} requires approvals signed with an ssh key listed for \`${person.id}\``, change);
  }

  const earlier = await store.approvals.list(change.digest);
  if (earlier.some((decision) => decision.kind === kind && decision.person === person.id)) {
    return { ok: true, digest: change.digest, person: person.id, kind, ...(role ? { role } : {}), alreadyRecorded: true, reviewsClosed: [] };
  }
  await store.approvals.append(
    {
      kind,
      digest: change.digest,
      person: person.id,
      at: now,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(role ? { role } : {}),
      ...(input.signature ? { signature: input.signature } : {}),
    },
    (decision) => [
      {
        type: kind === 'approve' ? 'approval.recorded' : 'sign-off.recorded',
        actor: person.id,
        subject: change.digest,
        payload: { id: decision.id, kind, person: person.id, ...(role ? { role } : {}), ...(input.comment ? { comment: input.comment } : {}), signed: input.signature !== undefined, systems: change.systems },
        at: now,
      },
    ],
  );
  const reviewsClosed = await closeMetRetroReviews(store, catalog, now);
  return { ok: true, digest: change.digest, person: person.id, kind, ...(role ? { role } : {}), alreadyRecorded: false, reviewsClosed };
}

/** `director` or `vp` when the person holds that role for a touched system (catalog first, then the record). */
function signOffRole(change: StoredChange, catalog: Catalog, person: CatalogPerson): 'director' | 'vp' | undefined {
  const systems = change.evaluation.systems.map((touched) => catalog.systems.find((system) => system.id === touched.id) ?? touched);
  if (systems.some((system) => system.director === person.id)) return 'director';
  if (systems.some((system) => system.vp === person.id)) return 'vp';
  return undefined;
}

function signaturesRequired(change: StoredChange, catalog: Catalog): boolean {
  const recorded = change.evaluation.requirements.some((requirement) => requirement.kind === 'approvals' && requirement.signaturesRequired);
  return recorded || change.evaluation.systems.some((system) => resolveTierPolicy(catalog, system.tier).signedApprovals);
}
