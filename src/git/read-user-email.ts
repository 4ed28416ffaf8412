/**
 * @module The `git config user.email` of a folder: the last way the CLI learns who is acting.
 */
import { runGit } from './run-git.js';

/** The configured email, or undefined when git has none (or is not installed). */
export async function readGitUserEmail(cwd: string): Promise<string | undefined> {
  const result = await runGit(cwd, ['config', '--get', 'user.email']).catch(() => undefined);
  const email = result?.code === 0 ? result.stdout.toString('utf8').trim() : '';
  return email === '' ? undefined : email;
}
