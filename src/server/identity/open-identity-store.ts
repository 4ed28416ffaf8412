/**
 * @module Opens the identity store beside the change store: the same SQLite file, or the same
 * PostgreSQL database and schema, found by the store's own location rules.
 */
import { mkdirSync } from 'node:fs';
import { resolveStoreLocation, type OpenStoreOptions } from '../../store/open-store.js';
import type { IdentityStore } from './identity-store.js';
import { openPostgresIdentityStore } from './postgres-identity-store.js';
import { openSqliteIdentityStore } from './sqlite-identity-store.js';

export type IdentityStoreOptions = Pick<OpenStoreOptions, 'repoDir' | 'dataDir' | 'databaseUrl' | 'schema' | 'env'>;

/** Opens and migrates the identity tables (`identity_*`) in the store's database. */
export async function openIdentityStore(options: IdentityStoreOptions): Promise<IdentityStore> {
  const location = resolveStoreLocation(options);
  if (location.kind === 'postgres') return openPostgresIdentityStore(location.url, { ...(location.schema ? { schema: location.schema } : {}) });
  mkdirSync(location.dir, { recursive: true, mode: 0o700 });
  return openSqliteIdentityStore(location.path);
}
