/**
 * @module The digest of the policy a decision was made under.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Catalog } from '../core/catalog/catalog-schema.js';

/**
 * sha256 of the canonical (RFC 8785) catalog: the same definition as `digestPolicy` in
 * `core/evaluate-change.ts` (a test holds them equal), kept here so the deploy gate does not load
 * the rule pack.
 */
export function policyDigestOf(catalog: Catalog): string {
  return createHash('sha256').update(canonicalize(catalog) ?? '').digest('hex');
}
