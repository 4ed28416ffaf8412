/**
 * @module Gathers the context a decision needs from the machine: the repository root, the current
 * branch, the kube context from KUBECONFIG, the Terraform workspace file, target-selecting
 * environment variables and the catalog's environments and protected paths.
 *
 * Every read is cheap and local; `git status` runs only when the command mentions `reset`, and
 * `git config` (for aliases) only when a git subcommand that is not built in is judged.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import type { GuardContext } from './guard-types.js';
import type { GitAliasLookup } from './shell/unwrap-git.js';
import { readSavedPlan, type PlanLibraries } from './terraform/read-saved-plan.js';
import type { SavedPlanLookup } from './terraform/saved-plan.js';
import { defaultProtectedPaths } from './paths/protected-paths.js';
import { readCatalogGuardConfig } from './read-catalog-guard-config.js';

/** Environment variables the rules read; nothing else of the agent's environment enters a decision. */
export const CONTEXT_VARIABLES = [
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_VAULT', 'TF_WORKSPACE', 'TF_CLI_ARGS', 'TF_CLI_ARGS_apply', 'TF_CLI_ARGS_plan', 'KUBECONTEXT', 'KUBE_CONTEXT', 'PULUMI_STACK',
  'CLOUDSDK_CORE_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'AZURE_SUBSCRIPTION_ID', 'ARM_SUBSCRIPTION_ID',
  'PGHOST', 'PGDATABASE', 'PGSERVICE', 'DATABASE_URL', 'MYSQL_HOST', 'REDIS_URL', 'MONGODB_URI', 'TMPDIR', 'USER', 'HOME',
] as const;

/** Loads modules at run time, when first needed, instead of at every start (and keeps the bundler from inlining them). */
const requireBuiltin = createRequire(import.meta.url);

const DEFAULT_PROTECTED_BRANCHES = ['main', 'master', 'trunk', 'production', 'prod', 'live', 'stable', 'release', 'release/*', 'release-*', 'releases/*'];

export interface ReadGuardContextOptions {
  cwd: string;
  workspaceRoots?: readonly string[];
  env: NodeJS.ProcessEnv;
  now: number;
  /** The command text, to decide whether the worktree state is worth a `git status`. */
  command?: string;
  /** A catalog other than `<repo>/tollgate.yaml`. */
  catalogFile?: string;
}

/** A context before a shell parser is chosen for it. */
export type UnparsedContext = Omit<GuardContext, 'shell'>;

export interface GatheredContext {
  context: UnparsedContext;
  repoRoot?: string;
  /** Problems worth a line on stderr (a malformed catalog); never a reason to allow. */
  warnings: string[];
}

/** Reads the context for one decision. */
export async function readGuardContext(options: ReadGuardContextOptions): Promise<GatheredContext> {
  const cwd = resolve(options.cwd);
  const repoRoot = findRepoRoot(cwd);
  const home = options.env.HOME ?? homedir();
  const warnings: string[] = [];
  const env: Record<string, string | undefined> = {};
  for (const name of CONTEXT_VARIABLES) if (options.env[name] !== undefined) env[name] = options.env[name];
  const roots = [...new Set([...(repoRoot ? [repoRoot] : []), ...(options.workspaceRoots ?? []).map((root) => resolve(root))])];
  const tempDirs = [...new Set(['/tmp', '/var/tmp', '/private/tmp', '/private/var/folders', tmpdir(), options.env.TMPDIR].filter((dir): dir is string => Boolean(dir)).map((dir) => dir.replace(/\/+$/, '')))];

  const catalogFile = options.catalogFile ?? options.env.TOLLGATE_CATALOG ?? (repoRoot ? join(repoRoot, 'tollgate.yaml') : undefined);
  const catalog = catalogFile ? readCatalogGuardConfig(catalogFile, repoRoot ? join(repoRoot, '.tollgate', 'guard-catalog-cache.json') : undefined) : undefined;
  if (catalog) warnings.push(...catalog.problems);

  const kubeContext = readKubeContext(options.env, home);
  const terraformWorkspace = readTerraformWorkspace(cwd);
  const git: GuardContext['git'] = repoRoot ? await readGitState(repoRoot, options.command) : { protectedBranches: DEFAULT_PROTECTED_BRANCHES };
  // Always offered (it reads nothing until asked): a git command can also arrive inside a tool's
  // input, and outside a repository the user's and the system's configuration still define aliases.
  git.alias = configuredGitAliases(repoRoot ?? cwd);
  const savedPlan = savedPlanReader();

  const context: UnparsedContext = {
    cwd,
    workspaceRoots: roots,
    home,
    tempDirs,
    env,
    git,
    savedPlan,
    environments: catalog?.environments ?? [],
    protectedPaths: [...defaultProtectedPaths(), ...(catalog?.protectedPaths ?? [])],
    grants: [],
    now: options.now,
    ...(kubeContext ? { kubeContext } : {}),
    ...(terraformWorkspace ? { terraformWorkspace } : {}),
  };
  return { context, warnings, ...(repoRoot ? { repoRoot } : {}) };
}

/** The closest directory at or above `start` holding `.git` (a directory, or a file for worktrees). */
export function findRepoRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readKubeContext(env: NodeJS.ProcessEnv, home: string): GuardContext['kubeContext'] {
  const explicit = env.KUBECONTEXT ?? env.KUBE_CONTEXT;
  if (explicit) return { name: explicit, source: 'KUBECONTEXT' };
  const files = env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(home, '.kube', 'config')];
  for (const file of files) {
    try {
      // `current-context` is a top-level scalar; a line match avoids loading a YAML parser.
      const match = /^current-context:\s*["']?([^"'\n#]+?)["']?\s*$/m.exec(readFileSync(file, 'utf8'));
      if (match?.[1]) return { name: match[1], source: env.KUBECONFIG ? `KUBECONFIG ${file}` : file.replace(home, '~') };
    } catch {
      // A missing kubeconfig means no current context.
    }
  }
  return undefined;
}

function readTerraformWorkspace(cwd: string): GuardContext['terraformWorkspace'] {
  const file = join(cwd, '.terraform', 'environment');
  try {
    const name = readFileSync(file, 'utf8').trim();
    return name ? { name, source: '.terraform/environment' } : undefined;
  } catch {
    return undefined;
  }
}

async function readGitState(repoRoot: string, command: string | undefined): Promise<GuardContext['git']> {
  const gitDir = resolveGitDir(repoRoot);
  const protectedBranches = [...DEFAULT_PROTECTED_BRANCHES];
  let branch: string | undefined;
  if (gitDir) {
    const head = safeRead(join(gitDir, 'HEAD'));
    branch = /^ref: refs\/heads\/(.+)$/m.exec(head ?? '')?.[1]?.trim();
    const commonDir = safeRead(join(gitDir, 'commondir'))?.trim();
    const common = commonDir ? resolve(gitDir, commonDir) : gitDir;
    const remoteHead = /^ref: refs\/remotes\/[^/]+\/(.+)$/m.exec(safeRead(join(common, 'refs', 'remotes', 'origin', 'HEAD')) ?? '')?.[1]?.trim();
    if (remoteHead && !protectedBranches.includes(remoteHead)) protectedBranches.push(remoteHead);
  }
  const git: GuardContext['git'] = { protectedBranches, ...(branch ? { branch } : {}) };
  if (command && /reset/.test(command)) {
    try {
      // Loaded only here: most commands never need it, and it costs start-up time.
      const { execFileSync } = await import('node:child_process');
      const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
      git.worktreeDirty = status.trim() !== '';
    } catch {
      // Unknown: `git reset --hard` will need a person.
    }
  }
  return git;
}

/**
 * The aliases git's configuration defines (repository, user and system files, with their includes),
 * read with one `git config` call the first time a command uses a git subcommand that is not built in.
 */
function configuredGitAliases(cwd: string): GitAliasLookup {
  let aliases: Map<string, string> | null | undefined;
  return (name) => {
    if (aliases === undefined) {
      try {
        // Required here, synchronously: most commands never get this far, and loading it costs start-up time.
        const { execFileSync } = requireBuiltin('node:child_process') as typeof import('node:child_process');
        // `-z`: records end with NUL, the key ends with a newline, values may hold newlines.
        const output = execFileSync('git', ['config', '-z', '--get-regexp', '^alias\\.'], { cwd, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
        aliases = parseAliasRecords(output);
      } catch (error) {
        // Exit 1: no alias is defined. Anything else: unknown, so the alias cannot be followed.
        aliases = (error as { status?: number }).status === 1 ? new Map() : null;
      }
    }
    return aliases === null ? null : aliases.get(name);
  };
}

/** Saved Terraform plans, read when `terraform apply FILE` is judged, with libraries loaded then. */
function savedPlanReader(): SavedPlanLookup {
  let libraries: PlanLibraries | undefined;
  const load = (): PlanLibraries => {
    const { unzipSync } = requireBuiltin('fflate') as typeof import('fflate');
    const { BinaryReader } = requireBuiltin('@bufbuild/protobuf/wire') as typeof import('@bufbuild/protobuf/wire');
    return { unzipSync, reader: (bytes) => new BinaryReader(bytes) };
  };
  return (path) => readSavedPlan(path, () => (libraries ??= load()));
}

function parseAliasRecords(output: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const record of output.split('\0')) {
    const newline = record.indexOf('\n');
    const key = newline < 0 ? record : record.slice(0, newline);
    if (key.startsWith('alias.')) aliases.set(key.slice('alias.'.length).toLowerCase(), newline < 0 ? '' : record.slice(newline + 1));
  }
  return aliases;
}

function resolveGitDir(repoRoot: string): string | undefined {
  const dotGit = join(repoRoot, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    return pointer ? (isAbsolute(pointer) ? pointer : resolve(repoRoot, pointer)) : undefined;
  } catch {
    return undefined;
  }
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
