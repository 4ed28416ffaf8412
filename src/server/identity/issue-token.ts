/**
 * @module Minting API tokens and session secrets: random text shown once, stored as sha256.
 *
 * A sha256 (not a slow password hash) is enough: the secrets are 256 random bits, so there is
 * nothing to brute-force, and a fast lookup by hash keeps every API request cheap.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IdentityStore, NewToken, Role, TokenRecord } from './identity-store.js';

const TOKEN_PREFIX = 'tgt';

/** Lower-case hex sha256 of a secret's text. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 256 random bits as base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The public id inside a token (`tgt_<id>_<secret>`), or undefined when the text is not shaped like one. */
export function tokenIdOf(token: string): string | undefined {
  const match = /^tgt_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1];
}

export interface IssueTokenInput {
  person: string;
  role: Role;
  createdBy: string;
  label?: string;
  /** ISO 8601 creation time (the caller's clock). */
  now: string;
  /** Lifetime in milliseconds; none means the token lives until revoked. */
  ttlMs?: number;
}

export interface IssuedToken {
  /** The full token text: shown once, never stored. */
  token: string;
  record: TokenRecord;
}

/** Creates a token in the identity store and returns its text (only this once) and its record. */
export async function issueToken(store: IdentityStore, input: IssueTokenInput): Promise<IssuedToken> {
  const id = randomBytes(6).toString('hex');
  const token = `${TOKEN_PREFIX}_${id}_${randomSecret()}`;
  const record: NewToken = {
    id,
    hash: hashSecret(token),
    person: input.person,
    role: input.role,
    createdAt: input.now,
    createdBy: input.createdBy,
    ...(input.label ? { label: input.label } : {}),
    ...(input.ttlMs !== undefined ? { expiresAt: new Date(Date.parse(input.now) + input.ttlMs).toISOString() } : {}),
  };
  await store.createToken(record);
  const { hash: _hash, ...stored } = record;
  return { token, record: stored };
}

/** Parses `90d`, `12h`, `30m` into milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([smhdw])$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  const value = Number(match[1]) * unit;
  return value > 0 ? value : undefined;
}
