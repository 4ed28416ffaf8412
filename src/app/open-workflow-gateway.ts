/**
 * @module The one place the workflow commands open what they work against: a Tollgate server, or the local store and catalog.
 */
import { clientFromEnv } from '../client/tollgate-client.js';
import { readCatalogAtRevision, readCatalogFile } from '../catalog/read-catalog.js';
import { emptyCatalog, type Catalog } from '../core/catalog/catalog-schema.js';
import { formatCatalogError } from '../core/catalog/parse-catalog.js';
import { UsageError } from '../cli/cli-error.js';
import { openStore, resolveStoreLocation } from '../store/open-store.js';
import { findRepoRoot } from './find-repo-root.js';
import { localWorkflowGateway } from './local-workflow-gateway.js';
import { readClock } from './read-clock.js';
import { remoteWorkflowGateway } from './remote-workflow-gateway.js';
import { refusal, type Answer, type WorkflowGateway } from './workflow-gateway.js';

export interface OpenGatewayOptions {
  cwd: string;
  /** `--catalog FILE` instead of `tollgate.yaml` at HEAD (local mode). */
  catalogPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** False for commands that never read the catalog (the audit log): no catalog is loaded. */
  catalog?: boolean;
  /** Where notes for the user go (stderr). */
  note?: (message: string) => void;
}

export interface OpenedGateway {
  gateway: WorkflowGateway;
  /** Repository root, when the command runs inside one. */
  repoDir?: string;
}

/**
 * Server mode when `TOLLGATE_SERVER` and `TOLLGATE_TOKEN` are set; else the local store
 * (`openStore`) with the catalog at HEAD or `--catalog`. A store that cannot be opened is a
 * refusal with exit 2 (`store-unavailable`) so the deploy gate can turn it into a closed gate.
 */
export async function openWorkflowGateway(options: OpenGatewayOptions): Promise<Answer<OpenedGateway>> {
  const env = options.env ?? process.env;
  const note = options.note ?? ((message: string) => process.stderr.write(`note: ${message}\n`));
  const repoDir = await findRepoRoot(options.cwd).catch(() => undefined);
  const client = clientFromEnv(env);
  if (client) {
    if (options.catalogPath) note('`--catalog` is ignored in server mode: the server decides under its own catalog');
    if (env.TOLLGATE_NOW?.trim()) note('TOLLGATE_NOW is ignored in server mode: the server keeps its own time');
    return { ok: true, value: { gateway: remoteWorkflowGateway(client, env.TOLLGATE_SERVER?.trim() ?? ''), ...(repoDir ? { repoDir } : {}) } };
  }
  const clock = readClock(env);
  if (clock.fixed) note(`TOLLGATE_NOW is set: deciding as of ${clock.now} (for testing and replay only)`);
  const catalog = options.catalog === false ? emptyCatalog() : await readWorkflowCatalog(repoDir, options.catalogPath, note);
  let location: string;
  try {
    const resolved = resolveStoreLocation({ ...(repoDir ? { repoDir } : {}), env });
    location = resolved.kind === 'sqlite' ? resolved.path : withoutPassword(resolved.url);
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (or run inside a git repository)`);
  }
  try {
    const store = await openStore({ ...(repoDir ? { repoDir } : {}), env });
    const gateway = localWorkflowGateway({ store, catalog, cwd: options.cwd, now: clock.now, env, ...(repoDir ? { repoDir } : {}) });
    return { ok: true, value: { gateway, ...(repoDir ? { repoDir } : {}) } };
  } catch (error) {
    return refusal(2, 'store-unavailable', `cannot open the store (${location}): ${(error as Error).message}`);
  }
}

/** `--catalog FILE`, else `tollgate.yaml` at HEAD; none at all means nobody is known (said aloud). */
async function readWorkflowCatalog(repoDir: string | undefined, catalogPath: string | undefined, note: (message: string) => void): Promise<Catalog> {
  if (catalogPath) {
    const result = await readCatalogFile(catalogPath);
    if (result.errors) throw new UsageError(result.errors.map(formatCatalogError).join('\n'));
    return result.catalog;
  }
  if (!repoDir) throw new UsageError('no catalog: run inside a git repository with a tollgate.yaml, or pass --catalog FILE');
  const result = await readCatalogAtRevision(repoDir, 'HEAD');
  if (result === undefined) {
    note('no tollgate.yaml at HEAD: nobody is known, so no approval can count (run `tollgate init`)');
    return emptyCatalog();
  }
  if (result.errors) throw new UsageError(result.errors.map(formatCatalogError).join('\n'));
  return result.catalog;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql';
  }
}
