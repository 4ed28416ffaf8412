/**
 * @module Loads the store module at run time without bundling it into the guard: from the built
 * `guard-store.cjs` next to `guard.cjs`, or from source when running unbundled (tests).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { OpenStoreOptions } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';

type StoreModule = { openStore(options?: OpenStoreOptions): Promise<Store> };

/** Opens the store the way the rest of Tollgate does. */
export async function openGuardStore(options: OpenStoreOptions): Promise<Store> {
  const here = fileURLToPath(import.meta.url);
  // A computed specifier keeps the bundler from pulling the store (and its dependencies) into the guard.
  const module: StoreModule = here.endsWith('.cjs')
    ? (createRequire(import.meta.url)(['.', 'guard-store.cjs'].join('/')) as StoreModule)
    : ((await import(['..', '..', 'store', 'open-store.js'].join('/'))) as StoreModule);
  return module.openStore(options);
}
