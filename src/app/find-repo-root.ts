/**
 * @module The root of the git work tree that contains a folder.
 *
 * Usually found by looking for `.git` in the folder and the folders above it, as git's own
 * discovery does: asking `git rev-parse` costs a process start, one of the few git round trips
 * every `check` waits for. Where git would look elsewhere (variables that redirect or limit its
 * discovery) or nothing is found (a bare repository, no repository), git itself is asked, so the
 * answer and the error are git's.
 */
import { execFile } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../cli/cli-error.js';

const run = promisify(execFile);

/** Variables that change where git looks for its repository. */
const DISCOVERY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_COMMON_DIR'];

/** Absolute path of the work tree's top level; `UsageError` naming the folder when it is not in one. */
export async function findRepoRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!DISCOVERY_VARIABLES.some((name) => env[name] !== undefined)) {
    const found = nearestWorkTree(cwd);
    if (found !== undefined) return found;
  }
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd, env });
    return stdout.trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot run \`git\`: is it installed? (looked in PATH from \`${cwd}\`)`);
    throw new UsageError(`not a git repository: \`${cwd}\` (use --patch FILE to check a patch outside a repository)`);
  }
}

/**
 * The closest folder at or above `start` with a `.git` git would take: a file (a linked work tree
 * or a submodule) or a folder with a `HEAD` (git passes over a `.git` folder that is not a repository).
 */
function nearestWorkTree(cwd: string): string | undefined {
  let start: string;
  try {
    start = realpathSync.native(cwd); // git answers with the real path, symbolic links resolved
  } catch {
    return undefined; // git names the problem
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const kind = statSync(dotGit, { throwIfNoEntry: false });
    if (kind?.isFile() || (kind?.isDirectory() && statSync(join(dotGit, 'HEAD'), { throwIfNoEntry: false })?.isFile())) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
