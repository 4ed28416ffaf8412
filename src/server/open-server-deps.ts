/**
 * @module The composition root: opens the store, the identity tables, the catalog and the signing
 * key that a server configuration names, and seeds the demo organisation when asked.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { checkpointSignerFromKey } from '../attest/checkpoint-signer.js';
import { initKeys, PRIVATE_KEY_FILE, readSigningKey, type SigningKey } from '../attest/read-keys.js';
import { findRepoCatalogPath, readCatalogFile } from '../catalog/read-catalog.js';
import { emptyCatalog, type Catalog } from '../core/catalog/catalog-schema.js';
import { formatCatalogError, parseCatalog } from '../core/catalog/parse-catalog.js';
import { DEMO_ORG_CATALOG, DEMO_LOGINS } from '../demo/demo-org-catalog.js';
import { seedDemoOrg, type DemoSeedResult } from '../demo/seed-demo-org.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { AuthFailureLimiter } from './auth/auth-failure-limiter.js';
import type { ServerConfig } from './config/server-config.js';
import type { IdentityStore } from './identity/identity-store.js';
import { openIdentityStore } from './identity/open-identity-store.js';
import type { ServerDeps } from './server-deps.js';

export interface OpenedServer {
  deps: ServerDeps;
  /** Set when this start seeded the demo organisation into an empty store. */
  seeded?: DemoSeedResult;
  /** Marks the server ready or not (`/readyz`). */
  setReady(ready: boolean): void;
  close(): Promise<void>;
}

/** A problem with the configuration found while opening: printed, exit 2. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

export async function openServerDeps(config: ServerConfig, env: NodeJS.ProcessEnv, logger?: Logger): Promise<OpenedServer> {
  const log = logger ?? pino({ level: config.logLevel, base: { service: 'tollgate' } });
  // The demo keeps its data apart, so `serve --demo` never writes into a real store.
  const dataDir = config.dataDir ?? (config.demo && !config.databaseUrl ? join(config.repoDir, '.tollgate', 'demo') : undefined);
  const catalog = config.demo && !config.catalogPath ? parseDemoCatalog() : await loadCatalog(config);
  const signingKey = await loadSigningKey(config, dataDir);
  const storeOptions = {
    repoDir: config.repoDir,
    ...(dataDir ? { dataDir } : {}),
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    env,
  };
  const store: Store = await openStore({ ...storeOptions, signer: signingKey ? checkpointSignerFromKey(signingKey) : null });
  let identities: IdentityStore;
  try {
    identities = await openIdentityStore(storeOptions);
  } catch (error) {
    await store.close();
    throw error;
  }
  let ready = false;
  const deps: ServerDeps = {
    store,
    identities,
    catalog,
    config,
    logger: log,
    now: () => new Date(),
    limiter: new AuthFailureLimiter(config.authFailuresPerMinute, 60_000),
    ...(signingKey ? { signingKey } : {}),
    demoLogins: config.demo ? DEMO_LOGINS : [],
    ready: () => ready,
  };
  let seeded: DemoSeedResult | undefined;
  if (config.demo && (await store.audit.head()) === null) {
    log.info({ store: store.location }, 'empty store: seeding the demo organisation');
    seeded = await seedDemoOrg({ store, identities, catalog, ...(signingKey ? { signingKey } : {}), now: deps.now() });
  }
  return {
    deps,
    ...(seeded ? { seeded } : {}),
    setReady: (value) => {
      ready = value;
    },
    close: async () => {
      await Promise.allSettled([store.close(), identities.close()]);
    },
  };
}

function parseDemoCatalog(): Catalog {
  const result = parseCatalog(DEMO_ORG_CATALOG, 'demo catalog');
  if (result.errors) throw new Error(`the demo catalog is invalid: ${result.errors.map(formatCatalogError).join('; ')}`);
  return result.catalog;
}

/** `--catalog`/`TOLLGATE_CATALOG`, else `tollgate.yaml` in the repository, else an empty catalog. */
async function loadCatalog(config: ServerConfig): Promise<Catalog> {
  const path = config.catalogPath ?? (await findRepoCatalogPath(config.repoDir));
  if (!path) return emptyCatalog();
  const result = await readCatalogFile(path);
  if (result.errors) throw new ServerConfigError(result.errors.map(formatCatalogError).join('\n'));
  return result.catalog;
}

/**
 * The attestation key: `TOLLGATE_SIGNING_KEY`, else `.tollgate/keys/attestation.key`.
 * The demo makes its own key in its data folder so that its deploys carry real attestations.
 */
async function loadSigningKey(config: ServerConfig, dataDir: string | undefined): Promise<SigningKey | undefined> {
  if (config.keyPath) return readSigningKey(config.keyPath);
  const keysDir = config.demo && dataDir ? join(dataDir, 'keys') : join(config.repoDir, '.tollgate', 'keys');
  const path = join(keysDir, PRIVATE_KEY_FILE);
  if (!existsSync(path)) {
    if (!config.demo) return undefined;
    await initKeys(keysDir);
  }
  return readSigningKey(path);
}
