/**
 * @module `tollgate token`: API tokens for people, CI and agents (shown once, stored as a hash, revocable).
 *
 * Local mode opens the identity tables in the store's database directly; with `TOLLGATE_SERVER`
 * and `TOLLGATE_TOKEN` set it asks the server (which needs an admin token).
 */
import { Option, type Command } from 'commander';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { findRepoCatalogPath, readCatalogFile } from '../../catalog/read-catalog.js';
import { clientFromEnv } from '../../client/tollgate-client.js';
import { emptyCatalog, type Catalog } from '../../core/catalog/catalog-schema.js';
import { formatCatalogError } from '../../core/catalog/parse-catalog.js';
import { ROLES, type Role } from '../../server/identity/identity-store.js';
import { createToken, listTokens, revokeToken } from '../../server/identity/manage-tokens.js';
import { openIdentityStore } from '../../server/identity/open-identity-store.js';
import { openStore } from '../../store/open-store.js';
import { EXIT, UsageError } from '../cli-error.js';

interface StoreFlags {
  dataDir?: string;
}

interface CreateFlags extends StoreFlags {
  as: string;
  role: Role;
  expires?: string;
  label?: string;
  catalog?: string;
}

const DATA_DIR_HELP = 'folder of the SQLite store (default .tollgate/, or $TOLLGATE_DATA_DIR; the demo uses .tollgate/demo)';

export function register(program: Command): void {
  const token = program.command('token').description('create, list and revoke API tokens for the server');
  token
    .command('create')
    .description('create a token; its text is printed once and stored only as a hash')
    .requiredOption('--as <person>', 'catalog person id the token acts as')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--expires <duration>', 'lifetime, e.g. 90d, 12h (default: until revoked)')
    .option('--label <text>', 'a note shown in `token list`')
    .option('--catalog <file>', 'catalog to check the person against (default tollgate.yaml)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (flags: CreateFlags) => {
      const client = clientFromEnv();
      if (client) {
        const result = await client.createToken({ person: flags.as, role: flags.role, ...(flags.expires ? { expires: flags.expires } : {}), ...(flags.label ? { label: flags.label } : {}) });
        if (!result.ok) return fail(result.error.message, result.status);
        return printCreated(result.body.token, result.body.id, result.body.expiresAt);
      }
      await withLocal(flags, async ({ store, identities, catalog }) => {
        const result = await createToken(store, identities, catalog, {
          person: flags.as,
          role: flags.role,
          createdBy: 'cli',
          now: new Date().toISOString(),
          ...(flags.expires ? { expires: flags.expires } : {}),
          ...(flags.label ? { label: flags.label } : {}),
        });
        if (!result.ok) throw new UsageError(result.reason);
        printCreated(result.issued.token, result.issued.record.id, result.issued.record.expiresAt);
      });
    });
  token
    .command('list')
    .description('list tokens (never their text)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (flags: StoreFlags & { format: 'text' | 'json' }) => {
      const client = clientFromEnv();
      const tokens = client
        ? await client.listTokens().then((result) => (result.ok ? result.body.tokens : fail(result.error.message, result.status)))
        : await withLocal(flags, ({ identities }) => listTokens(identities, new Date().toISOString()));
      if (!tokens) return;
      if (flags.format === 'json') return void process.stdout.write(`${JSON.stringify({ schema: 'tollgate.tokens/v1', tokens }, null, 2)}\n`);
      for (const t of tokens as Record<string, unknown>[]) {
        process.stdout.write(`${String(t.id)}  ${String(t.state).padEnd(7)}  ${String(t.role).padEnd(8)}  ${String(t.person).padEnd(16)}  ${t.expiresAt ? `expires ${String(t.expiresAt)}` : 'no expiry'}${t.label ? `  ${String(t.label)}` : ''}\n`);
      }
    });
  token
    .command('revoke <id>')
    .description('revoke a token by its id (the 12 hex digits after `tgt_`)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (id: string, flags: StoreFlags) => {
      const client = clientFromEnv();
      if (client) {
        const result = await client.revokeToken(id);
        if (!result.ok) return fail(result.error.message, result.status);
        return void process.stdout.write(`revoked ${id}\n`);
      }
      await withLocal(flags, async ({ store, identities }) => {
        if (!(await revokeToken(store, identities, id, 'cli', new Date().toISOString()))) throw new UsageError(`no active token \`${id}\``);
        process.stdout.write(`revoked ${id}\n`);
      });
    });
}

function printCreated(tokenText: string, id: string, expiresAt: string | undefined): void {
  process.stdout.write(`${tokenText}\n`);
  process.stderr.write(`token ${id} created${expiresAt ? `, expires ${expiresAt}` : ''}. It is shown only now: store it as a secret (TOLLGATE_TOKEN).\n`);
}

/** A refused or failed server request: the message, exit 1 for refusals and 2 for errors. */
function fail(message: string, status: number): undefined {
  process.stderr.write(`tollgate: ${message}\n`);
  process.exitCode = status === 409 || status === 403 ? EXIT.fail : EXIT.usage;
  return undefined;
}

async function withLocal<T>(flags: StoreFlags & { catalog?: string }, run: (opened: { store: Awaited<ReturnType<typeof openStore>>; identities: Awaited<ReturnType<typeof openIdentityStore>>; catalog: Catalog }) => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const repoDir = await findRepoRoot(cwd).catch(() => cwd);
  const catalog = await loadCatalog(flags.catalog ?? process.env.TOLLGATE_CATALOG, repoDir);
  const location = { repoDir, ...(flags.dataDir ? { dataDir: flags.dataDir } : {}) };
  const store = await openStore(location);
  try {
    const identities = await openIdentityStore(location);
    try {
      return await run({ store, identities, catalog });
    } finally {
      await identities.close();
    }
  } finally {
    await store.close();
  }
}

async function loadCatalog(path: string | undefined, repoDir: string): Promise<Catalog> {
  const file = path ?? (await findRepoCatalogPath(repoDir));
  if (!file) return emptyCatalog();
  const result = await readCatalogFile(file);
  if (result.errors) throw new UsageError(result.errors.map(formatCatalogError).join('\n'));
  return result.catalog;
}
