/**
 * @module The root of the git work tree that contains a folder.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from '../cli/cli-error.js';

const run = promisify(execFile);

/** Absolute path of the work tree's top level; `UsageError` naming the folder when it is not in one. */
export async function findRepoRoot(cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot run \`git\`: is it installed? (looked in PATH from \`${cwd}\`)`);
    throw new UsageError(`not a git repository: \`${cwd}\` (use --patch FILE to check a patch outside a repository)`);
  }
}
