/**
 * @module Rows of the identity tables to records, shared by both adapters.
 */
import type { Role, SessionOrigin, SessionRecord, TokenRecord } from './identity-store.js';

export interface TokenRow {
  id: string;
  person: string;
  role: string;
  label: string | null;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SessionRow {
  hash: string;
  person: string;
  role: string;
  csrf_token: string;
  origin: string;
  created_at: string;
  expires_at: string;
}

export const TOKEN_COLUMNS = 'id, person, role, label, created_at, created_by, expires_at, revoked_at';
export const SESSION_COLUMNS = 'hash, person, role, csrf_token, origin, created_at, expires_at';

export function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    person: row.person,
    role: row.role as Role,
    ...(row.label !== null ? { label: row.label } : {}),
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    hash: row.hash,
    person: row.person,
    role: row.role as Role,
    csrfToken: row.csrf_token,
    origin: row.origin as SessionOrigin,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
