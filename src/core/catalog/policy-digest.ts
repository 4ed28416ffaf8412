/**
 * @module The digest of the policy (the whole catalog) a verdict or a deploy decision was reached under.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Catalog } from './catalog-schema.js';

// A server evaluates many changes and deploys under one catalog object: hash it once.
const digests = new WeakMap<Catalog, string>();

/** sha256 of the canonical (RFC 8785) catalog. */
export function digestPolicy(catalog: Catalog): string {
  let digest = digests.get(catalog);
  if (digest === undefined) {
    digest = createHash('sha256').update(canonicalize(catalog) ?? '').digest('hex');
    digests.set(catalog, digest);
  }
  return digest;
}
