/**
 * @module The identity port: API tokens and browser sessions, stored only as hashes.
 *
 * Kept apart from the change store on purpose: identities are an access-control concern of the
 * server, with their own tables (`identity_*`) and migrations, in the same database.
 */

/** What a token or session may do; see `auth/permissions.ts` for the capabilities of each. */
export const ROLES = ['engineer', 'approver', 'auditor', 'admin', 'ci'] as const;
export type Role = (typeof ROLES)[number];

/** An API token as stored: everything except the secret, which exists only as its sha256. */
export interface TokenRecord {
  /** Public id (the part of the token before the secret), shown in listings and audit events. */
  id: string;
  /** Catalog person id the token acts as. */
  person: string;
  role: Role;
  label?: string;
  /** ISO 8601. */
  createdAt: string;
  /** Who created it (a person id, or `cli` for a local `tollgate token create`). */
  createdBy: string;
  expiresAt?: string;
  revokedAt?: string;
}

/** How a browser session was opened. */
export type SessionOrigin = 'token' | 'demo' | 'sso';

/** A browser session as stored; the cookie value exists only as its sha256 (`hash`). */
export interface SessionRecord {
  hash: string;
  person: string;
  role: Role;
  /** Synchronizer token every form of this session must carry. */
  csrfToken: string;
  origin: SessionOrigin;
  createdAt: string;
  expiresAt: string;
}

export interface NewToken extends Omit<TokenRecord, 'revokedAt'> {
  /** sha256 hex of the full token text. */
  hash: string;
}

/** Persistence of tokens and sessions. Every adapter passes `identity-store.test.ts`. */
export interface IdentityStore {
  createToken(token: NewToken): Promise<void>;
  /** The token whose full text hashes to `hash`, revoked or expired ones included (the caller decides). */
  findToken(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  /** Marks a token revoked; false when no such token exists or it was already revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(hash: string): Promise<SessionRecord | undefined>;
  deleteSession(hash: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
  close(): Promise<void>;
}
