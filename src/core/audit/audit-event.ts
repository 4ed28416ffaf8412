/**
 * @module Audit events: what every entry of the hash-chained audit log holds.
 */

/** A JSON value as stored in an event payload (no `undefined`, no functions, finite numbers). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A JSON object; keys whose value is `undefined` are left out when the payload is canonicalised. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/** What a caller asks the log to append. The log assigns `seq`, links the chain and hashes it. */
export interface AuditEventInput {
  /** Dotted event type, e.g. `change.recorded`, `approval.refused`, `deploy`, `break-glass`. */
  type: string;
  /** Who caused it: a catalog person id, an email, or `system` for Tollgate itself. */
  actor: string;
  /** What it is about: usually a change digest, a commit sha or `env@sha`; empty when nothing. */
  subject: string;
  payload: JsonObject;
  /** ISO 8601; the adapter's clock when absent. Normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  at?: string;
}

/** The hashed content of one event, in the order the chain covers it. */
export interface AuditEventContent {
  seq: number;
  at: string;
  actor: string;
  type: string;
  subject: string;
  payload: JsonObject;
}

/** One entry of the log as stored: its content, the previous entry's hash and its own. */
export interface AuditEvent extends AuditEventContent {
  /** `hash` of event `seq - 1`; {@link GENESIS_HASH} for seq 1. */
  prevHash: string;
  /** Lower-case hex sha256 over `prevHash` and the canonical event (see `hash-event.ts`). */
  hash: string;
}

/**
 * An event row exactly as the database holds it: the payload is kept as the canonical JSON text
 * that was hashed, so verification never re-serialises it.
 */
export interface StoredEventRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  subject: string;
  /** Canonical (RFC 8785) JSON text of the payload. */
  payload: string;
  prevHash: string;
  hash: string;
}

/** The `prevHash` of the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
