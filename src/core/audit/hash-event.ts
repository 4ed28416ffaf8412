/**
 * @module Hashing one audit event: sha256 over the previous hash and the canonical event.
 *
 * INVARIANT: hash = lowercase hex sha256( UTF8(prevHash) || UTF8(canonical JSON of
 * {seq, at, actor, type, subject, payload}) ), canonical JSON being RFC 8785 (JCS). Anyone can
 * re-check an exported log with any JCS library; changing any of this breaks every existing log.
 */
import canonicalize from 'canonicalize';
import * as crypto from 'node:crypto';
import type { AuditEventContent, JsonObject } from './audit-event.js';

/**
 * The canonical JSON text of a payload. Throws for values JSON cannot hold (NaN, lone surrogates,
 * cycles): that is a bug in the caller, not bad user input.
 */
export function canonicalPayload(payload: JsonObject): string {
  const text = canonicalize(payload);
  if (text === undefined || !text.startsWith('{')) throw new TypeError('audit payload must be a JSON object');
  return text;
}

/**
 * The canonical JSON of an event whose payload is already canonical text.
 *
 * INVARIANT: equal to `canonicalize({seq, at, actor, type, subject, payload})`. RFC 8785 sorts keys
 * by UTF-16 code units (actor < at < payload < seq < subject < type), serialises strings exactly as
 * `JSON.stringify` does and integers as their decimal digits, so the text can be assembled directly;
 * that keeps `audit verify` close to raw hashing speed. A test checks it against `canonicalize`.
 */
export function canonicalEventText(seq: number, at: string, actor: string, type: string, subject: string, payloadText: string): string {
  return `{"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"payload":${payloadText},"seq":${seq},"subject":${JSON.stringify(subject)},"type":${JSON.stringify(type)}}`;
}

// One-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as createHash for short inputs.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** Lower-case hex sha256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The chain hash of an event given its predecessor's hash and its own canonical text. */
export function chainHash(prevHash: string, canonicalText: string): string {
  return sha256Hex(prevHash + canonicalText);
}

/** Hashes a full event (payload as an object). */
export function hashEvent(prevHash: string, event: AuditEventContent): string {
  const text = canonicalEventText(event.seq, event.at, event.actor, event.type, event.subject, canonicalPayload(event.payload));
  return chainHash(prevHash, text);
}

/** Normalises an ISO 8601 time to `YYYY-MM-DDTHH:mm:ss.sssZ`; undefined when it is not a time. */
export function normaliseEventTime(at: string): string | undefined {
  const time = Date.parse(at);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
