/**
 * @module Opening the configured store: PostgreSQL when a URL is given, else the repository's SQLite file.
 *
 * Only the driver in use is imported (dynamically): `tollgate` starts without loading the other.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckpointSigner } from '../core/audit/checkpoint-statement.js';
import type { AuditSettings } from './sql/audit-scripts.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Repository root: the SQLite file defaults to `<repoDir>/.tollgate/tollgate.db`. */
  repoDir?: string;
  /** Folder holding `tollgate.db`; overrides `$TOLLGATE_DATA_DIR` and `repoDir`. */
  dataDir?: string;
  /** `postgres://…`; overrides `$TOLLGATE_DATABASE_URL`. */
  databaseUrl?: string;
  /** PostgreSQL schema for the tables; `$TOLLGATE_DATABASE_SCHEMA`, else the connection's default. */
  schema?: string;
  /**
   * Signs audit checkpoints. Default: the key in `$TOLLGATE_SIGNING_KEY` (a PEM file), else
   * `<repoDir>/.tollgate/keys/attestation.key` when it exists, else none. `null`: never sign.
   */
  signer?: CheckpointSigner | null;
  /** Sign a checkpoint every N events; `$TOLLGATE_CHECKPOINT_EVERY`, else 1000. */
  checkpointEvery?: number;
  /** Environment to read (tests pass their own); `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_CHECKPOINT_EVERY = 1000;

/** Where the store would be opened, without opening it (for `tollgate doctor` and messages). */
export function resolveStoreLocation(options: OpenStoreOptions = {}): { kind: 'postgres'; url: string; schema?: string } | { kind: 'sqlite'; path: string; dir: string } {
  const env = options.env ?? process.env;
  const url = options.databaseUrl ?? (options.dataDir ? undefined : nonEmpty(env.TOLLGATE_DATABASE_URL));
  if (url) {
    const schema = options.schema ?? nonEmpty(env.TOLLGATE_DATABASE_SCHEMA);
    return { kind: 'postgres', url, ...(schema ? { schema } : {}) };
  }
  const dir = options.dataDir ?? nonEmpty(env.TOLLGATE_DATA_DIR) ?? (options.repoDir ? join(options.repoDir, '.tollgate') : undefined);
  if (!dir) throw new Error('no store configured: pass a repository folder, or set TOLLGATE_DATA_DIR or TOLLGATE_DATABASE_URL');
  return { kind: 'sqlite', dir, path: join(dir, 'tollgate.db') };
}

/**
 * Opens the store, creating and migrating it when needed.
 *
 * Precedence: `databaseUrl` option, `dataDir` option, `$TOLLGATE_DATABASE_URL`,
 * `$TOLLGATE_DATA_DIR`, then `<repoDir>/.tollgate/tollgate.db`.
 *
 * @example
 * const store = await openStore({ repoDir });
 * try { await store.audit.verify(); } finally { await store.close(); }
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const location = resolveStoreLocation(options);
  const settings: AuditSettings = {
    checkpointEvery: options.checkpointEvery ?? positiveInt(env.TOLLGATE_CHECKPOINT_EVERY) ?? DEFAULT_CHECKPOINT_EVERY,
    clock: () => new Date().toISOString(),
  };
  const signer = options.signer === undefined ? await loadDefaultSigner(options.repoDir, env) : options.signer;
  if (signer) settings.signer = signer;
  if (location.kind === 'postgres') {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore({ url: location.url, ...(location.schema ? { schema: location.schema } : {}) }, settings);
  }
  await prepareDataDir(location.dir, options.repoDir !== undefined && location.dir === join(options.repoDir, '.tollgate'));
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(location.path, settings);
}

async function loadDefaultSigner(repoDir: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<CheckpointSigner | undefined> {
  const explicit = nonEmpty(env.TOLLGATE_SIGNING_KEY);
  const path = explicit ?? (repoDir ? join(repoDir, '.tollgate', 'keys', 'attestation.key') : undefined);
  if (!path || (!explicit && !existsSync(path))) return undefined;
  const { readSigningKey } = await import('../attest/read-keys.js');
  const { checkpointSignerFromKey } = await import('../attest/checkpoint-signer.js');
  return checkpointSignerFromKey(await readSigningKey(path));
}

/** Creates the data folder; a repository's `.tollgate/` gets a `.gitignore` so keys and data are never committed. */
async function prepareDataDir(dir: string, insideRepo: boolean): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new Error(`the data folder \`${dir}\` is a file, not a folder`);
  if (!info) await mkdir(dir, { recursive: true, mode: 0o700 });
  const ignore = join(dir, '.gitignore');
  if (insideRepo && !existsSync(ignore)) await writeFile(ignore, '# Tollgate data and keys: never commit them.\n*\n');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function positiveInt(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
