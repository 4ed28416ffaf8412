/**
 * @module Everything the HTTP core needs, passed in once: store, identities, catalog, clock, logger.
 *
 * The core never opens databases or reads files itself, so tests and benchmarks can build it
 * around any store, and several servers can share one PostgreSQL database.
 */
import type { Logger } from 'pino';
import type { SigningKey } from '../attest/read-keys.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import type { Store } from '../store/store.js';
import type { AuthFailureLimiter } from './auth/auth-failure-limiter.js';
import type { ServerConfig } from './config/server-config.js';
import type { IdentityStore, Role } from './identity/identity-store.js';

/** A person offered on the sign-in page in demo mode, with the role their session gets. */
export interface DemoLogin {
  person: string;
  role: Role;
  /** Why a newcomer would pick this person, e.g. `tier-1 owner: approves checkout changes`. */
  hint: string;
}

export interface ServerDeps {
  store: Store;
  identities: IdentityStore;
  catalog: Catalog;
  config: ServerConfig;
  logger: Logger;
  /** The current time (injected so tests can move it). */
  now(): Date;
  limiter: AuthFailureLimiter;
  /** Signs deploy attestations; without it `verify` passes but returns no attestation. */
  signingKey?: SigningKey;
  /** People offered for one-click sign-in (demo mode only). */
  demoLogins: readonly DemoLogin[];
  /** False while starting or shutting down: `/readyz` answers 503. */
  ready(): boolean;
}
