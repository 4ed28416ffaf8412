/**
 * @module Creating and revoking API tokens with the rules that keep agents from approving, audited.
 */
import type { Catalog } from '../../core/catalog/catalog-schema.js';
import type { Store } from '../../store/store.js';
import type { IdentityStore, Role, TokenRecord } from './identity-store.js';
import { issueToken, parseDuration, type IssuedToken } from './issue-token.js';

export interface CreateTokenInput {
  person: string;
  role: Role;
  /** Duration text such as `90d`; none means until revoked. */
  expires?: string;
  label?: string;
  /** Who asks (person id, or `cli` for a local command). */
  createdBy: string;
  now: string;
}

export type CreateTokenResult = { ok: true; issued: IssuedToken } | { ok: false; reason: string };

/**
 * Issues a token after checking the person: known to the catalog (only `ci` tokens may name a
 * bot the catalog does not list), and an AI identity only ever gets a `ci` token. Records
 * `token.created` (never the token text).
 */
export async function createToken(store: Store, identities: IdentityStore, catalog: Catalog, input: CreateTokenInput): Promise<CreateTokenResult> {
  const person = catalog.people.find((p) => p.id === input.person);
  if (!/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/.test(input.person)) return { ok: false, reason: `\`${input.person}\` is not a valid person id` };
  if (!person && input.role !== 'ci') return { ok: false, reason: `\`${input.person}\` is not a person in the catalog; only \`ci\` tokens may name an unlisted bot` };
  if (person?.ai && input.role !== 'ci') return { ok: false, reason: `\`${input.person}\` is an ai identity: it can only get a \`ci\` token (record and check, never approve)` };
  let ttlMs: number | undefined;
  if (input.expires !== undefined) {
    ttlMs = parseDuration(input.expires);
    if (ttlMs === undefined) return { ok: false, reason: `\`${input.expires}\` is not a duration such as \`90d\`, \`12h\`` };
  }
  const issued = await issueToken(identities, {
    person: input.person,
    role: input.role,
    createdBy: input.createdBy,
    now: input.now,
    ...(input.label ? { label: input.label } : {}),
    ...(ttlMs !== undefined ? { ttlMs } : {}),
  });
  await store.audit.append({
    type: 'token.created',
    actor: input.createdBy,
    subject: `token:${issued.record.id}`,
    payload: { id: issued.record.id, person: input.person, role: input.role, ...(issued.record.expiresAt ? { expiresAt: issued.record.expiresAt } : {}), ...(input.label ? { label: input.label } : {}) },
    at: input.now,
  });
  return { ok: true, issued };
}

/** Revokes a token by id and records `token.revoked`; false when unknown or already revoked. */
export async function revokeToken(store: Store, identities: IdentityStore, id: string, by: string, now: string): Promise<boolean> {
  const revoked = await identities.revokeToken(id, now);
  if (revoked) await store.audit.append({ type: 'token.revoked', actor: by, subject: `token:${id}`, payload: { id }, at: now });
  return revoked;
}

/** A token as listed: never its hash or text. */
export type ListedToken = TokenRecord & { state: 'active' | 'revoked' | 'expired' };

export async function listTokens(identities: IdentityStore, now: string): Promise<ListedToken[]> {
  return (await identities.listTokens()).map((token) => ({
    ...token,
    state: token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt <= now ? 'expired' : 'active',
  }));
}
