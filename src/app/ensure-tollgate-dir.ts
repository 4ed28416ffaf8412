/**
 * @module The repository's `.tollgate/` folder (keys, attestations, the SQLite store), ignored by git.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Creates `<repoDir>/.tollgate` (mode 0700) with a `.gitignore` of `*`, so keys are never committed; returns its path. */
export async function ensureTollgateDir(repoDir: string): Promise<string> {
  const dir = join(repoDir, '.tollgate');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '# Tollgate data and keys: never commit them.\n*\n');
  return dir;
}
