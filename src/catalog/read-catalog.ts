/**
 * @module Reads `tollgate.yaml` from a file or from a git revision and parses it (I/O adapter over `parseCatalog`).
 *
 * The change under review never judges itself: `tollgate check` reads the catalog at the
 * base revision with `readCatalogAtRevision`, never from the working tree of the change.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ParseCatalogResult, parseCatalog } from '../core/catalog/parse-catalog.js';
import { checkRulesConfig } from '../rules/check-rules-config.js';
import { CatalogReadError, execGit, readRepoRoot } from './git-exec.js';

export { CatalogReadError } from './git-exec.js';

/** The catalog's file name at the repository root. */
export const CATALOG_FILE = 'tollgate.yaml';

/** Larger catalogs are refused rather than parsed (a catalog of 335 systems is ~100 KB). */
const MAX_CATALOG_BYTES = 8 * 1024 * 1024;

/**
 * Reads and parses a catalog file. A file that is missing, a folder, too large or not UTF-8
 * is reported as a catalog error (the user named a wrong file); other I/O failures throw.
 */
export async function readCatalogFile(path: string): Promise<ParseCatalogResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileError(path, 'no such file');
    if (code === 'EISDIR') return fileError(path, 'is a folder, not a file');
    throw error;
  }
  return parseBytes(bytes, path);
}

/**
 * Reads and parses `tollgate.yaml` as it is at revision `rev` (`git show REV:tollgate.yaml`).
 * Resolves `undefined` when that revision has no catalog (the caller uses `emptyCatalog()`);
 * rejects with a `CatalogReadError` when `repoDir` is not a repository or `rev` is unknown.
 */
export async function readCatalogAtRevision(repoDir: string, rev: string): Promise<ParseCatalogResult | undefined> {
  if (rev.startsWith('-')) throw new CatalogReadError(`unknown revision \`${rev}\``);
  const display = `${rev}:${CATALOG_FILE}`;
  // The common case in one git call; only a failure pays for the calls that say what went wrong.
  const shown = await execGit(repoDir, ['cat-file', 'blob', `${rev}^{commit}:${CATALOG_FILE}`], MAX_CATALOG_BYTES + 1024).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return undefined;
    throw error;
  });
  if (shown === undefined) return fileError(display, `is larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MB`);
  if (shown.code === 0) return parseBytes(shown.stdout, display);
  const commit = await execGit(repoDir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (commit.code !== 0) {
    if ((await readRepoRoot(repoDir)) === undefined) throw new CatalogReadError(`not a git repository: \`${repoDir}\``);
    throw new CatalogReadError(`unknown revision \`${rev}\``);
  }
  const type = await execGit(repoDir, ['cat-file', '-t', `${rev}:${CATALOG_FILE}`]);
  if (type.code !== 0) {
    // A misnamed catalog must not be ignored silently: that would drop every tier to the default.
    const misnamed = await execGit(repoDir, ['cat-file', '-e', `${rev}:tollgate.yml`]);
    if (misnamed.code === 0) return fileError(`${rev}:tollgate.yml`, 'tollgate reads `tollgate.yaml`; rename the file');
    return undefined;
  }
  if (type.stdout.toString('utf8').trim() !== 'blob') return fileError(display, 'is not a file');
  throw new CatalogReadError(`\`git cat-file blob ${display}\` failed: ${shown.stderr}`);
}

/** The path of `tollgate.yaml` at the root of the repository containing `repoDir` (or in `repoDir` outside git), if it exists. */
export async function findRepoCatalogPath(repoDir: string): Promise<string | undefined> {
  const root = (await readRepoRoot(repoDir)) ?? repoDir;
  const path = join(root, CATALOG_FILE);
  try {
    await access(path);
    return path;
  } catch {
    return undefined;
  }
}

function parseBytes(bytes: Buffer, file: string): ParseCatalogResult {
  if (bytes.length > MAX_CATALOG_BYTES) return fileError(file, `is larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileError(file, 'is not valid utf-8 text');
  }
  return parseCatalog(text, file, { checkRules: checkRulesConfig });
}

function fileError(file: string, message: string): ParseCatalogResult {
  return { errors: [{ file, path: '', message }] };
}
