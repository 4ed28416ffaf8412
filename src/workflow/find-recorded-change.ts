/**
 * @module Resolving a digest or prefix given by a person, auditing the failure when it does not resolve.
 */
import type { Store, StoredChange } from '../store/store.js';

export type Resolved = { ok: true; change: StoredChange } | { ok: false; code: 'not-found' | 'ambiguous' | 'invalid'; reason: string; candidates: string[] };

export async function resolveChange(store: Store, digestOrPrefix: string): Promise<Resolved> {
  const found = await store.changes.find(digestOrPrefix);
  if (found.ok) return found;
  return { ok: false, code: found.reason, reason: found.message, candidates: found.candidates };
}
