/**
 * @module Reads what `tollgate init` needs from a repository: its root, its files and its CODEOWNERS files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODEOWNERS_LOCATIONS } from '../core/catalog/codeowners.js';
import { CatalogReadError, execGit, readRepoRoot } from './git-exec.js';

export interface RepoInventory {
  /** Absolute path of the repository's top-level folder. */
  root: string;
  /** Tracked and untracked files that are not ignored, repository-relative with `/`. */
  files: string[];
  /** The CODEOWNERS files that exist in the working tree. */
  codeowners: { path: string; text: string }[];
}

/** Reads the inventory of the repository containing `dir`; rejects with `CatalogReadError` outside a repository. */
export async function readRepoInventory(dir: string): Promise<RepoInventory> {
  const root = await readRepoRoot(dir);
  if (root === undefined) throw new CatalogReadError(`not a git repository: \`${dir}\`; run \`tollgate init\` inside one`);
  const listed = await execGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], 512 * 1024 * 1024);
  if (listed.code !== 0) throw new CatalogReadError(`\`git ls-files\` failed: ${listed.stderr}`);
  const files = [...new Set(listed.stdout.toString('utf8').split('\0').filter((f) => f !== ''))];
  const codeowners: RepoInventory['codeowners'] = [];
  for (const path of CODEOWNERS_LOCATIONS) {
    try {
      codeowners.push({ path, text: await readFile(join(root, path), 'utf8') });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
    }
  }
  return { root, files, codeowners };
}
