/**
 * @module git: force pushes and deletions of protected branches, `reset --hard` over uncommitted
 * work, `clean -f`, `branch -D` (or `update-ref -d`) of a protected branch. A protected branch plays the part of
 * production: force-pushing it is denied, force-pushing a feature branch is routine.
 */
import type { GuardContext } from '../guard-types.js';
import { parseArguments, type ParsedArguments } from '../shell/parse-arguments.js';
import { type Invocation, stdinOf } from '../shell/expand-invocations.js';
import type { ShellWord } from '../shell/shell-syntax.js';
import type { InvocationRule, RuleHit } from './rule-kit.js';

const GLOBAL = { shortWithValue: 'Cc', longWithValue: ['git-dir', 'work-tree', 'namespace', 'exec-path', 'config-env'], stopAtPositional: true } as const;

export const assessGit: InvocationRule = (invocation, context) => {
  const args = invocation.argv.slice(1);
  const global = parseArguments(args, GLOBAL);
  const subcommand = args[global.stop]?.value;
  const rest = args.slice(global.stop + 1);
  switch (subcommand) {
    case 'push':
      return assessPush(parseArguments(rest, { shortWithValue: 'o', longWithValue: ['repo', 'receive-pack', 'exec', 'push-option', 'signed'] }), context);
    case 'reset': {
      const parsed = parseArguments(rest);
      if (!parsed.flags.has('--hard')) return [];
      if (context.git.worktreeDirty === false) return [];
      const state = context.git.worktreeDirty ? 'the working tree has uncommitted changes' : 'the guard could not tell whether the working tree has uncommitted changes';
      return [{ rule: 'git-reset-hard', kind: 'risky', what: `\`git reset --hard\` discards uncommitted work (${state})`, family: 'local' }];
    }
    case 'clean': {
      const parsed = parseArguments(rest, { shortWithValue: 'e', longWithValue: ['exclude'] });
      const force = parsed.flags.has('-f') || parsed.flags.has('--force');
      if (!force || parsed.flags.has('-n') || parsed.flags.has('--dry-run')) return [];
      const ignored = parsed.flags.has('-x') || parsed.flags.has('-X');
      return [{ rule: 'git-clean', kind: 'risky', what: `\`git clean\` deletes untracked${ignored ? ' and ignored' : ''} files for good`, family: 'local' }];
    }
    case 'branch': {
      const parsed = parseArguments(rest, { shortWithValue: 'tu', longWithValue: ['track', 'set-upstream-to'] });
      const forceDelete = parsed.flags.has('-D') || ((parsed.flags.has('-d') || parsed.flags.has('--delete')) && (parsed.flags.has('-f') || parsed.flags.has('--force')));
      if (!forceDelete) return [];
      return parsed.positionals
        .filter((branch) => isProtected(branch.value, context))
        .map((branch) => ({ rule: 'git-branch-delete', kind: 'destructive', what: `force-deletes the branch \`${branch.value}\``, family: 'local', production: `\`${branch.value}\` is a protected branch` }) satisfies RuleHit);
    }
    case 'update-ref':
      return assessUpdateRef(invocation, rest, context);
    default:
      return [];
  }
};

/** `git update-ref -d refs/heads/main` (or `delete …` lines on `--stdin`) deletes a branch as `branch -D` does. */
function assessUpdateRef(invocation: Invocation, rest: ShellWord[], context: GuardContext): RuleHit[] {
  const parsed = parseArguments(rest, { shortWithValue: 'm' });
  const deleted: string[] = [];
  if (parsed.flags.has('-d')) deleted.push(...parsed.positionals.slice(0, 1).map((word) => word.value));
  if (parsed.flags.has('--stdin')) {
    const stdin = stdinOf(invocation.command);
    if (!stdin.known) return [{ rule: 'git-update-ref-stdin', kind: 'risky', what: `\`git update-ref --stdin\` changes refs read from ${stdin.from}`, family: 'local' }];
    for (const line of stdin.text.split(/[\n\0]/)) {
      const match = /^\s*delete\s+(\S+)/.exec(line);
      if (match?.[1]) deleted.push(match[1]);
    }
  }
  return deleted
    .filter((ref) => isProtected(ref, context))
    .map((ref) => ({ rule: 'git-branch-delete', kind: 'destructive', what: `deletes the branch \`${ref.replace(/^refs\/heads\//, '')}\` (\`git update-ref -d ${ref}\`)`, family: 'local', production: `\`${ref.replace(/^refs\/heads\//, '')}\` is a protected branch` }) satisfies RuleHit);
}

function assessPush(parsed: ParsedArguments, context: GuardContext): RuleHit[] {
  const force = parsed.flags.has('-f') || parsed.flags.has('--force') || [...parsed.flags].some((flag) => flag.startsWith('--force-with-lease') || flag === '--force-if-includes');
  const mirror = parsed.flags.has('--mirror');
  const deleting = parsed.flags.has('-d') || parsed.flags.has('--delete');
  const [remote, ...refspecs] = parsed.positionals.map((word) => word.value);
  if (mirror) {
    return [{ rule: 'git-push-mirror', kind: 'destructive', what: `\`git push --mirror\` overwrites every branch on \`${remote ?? 'the remote'}\``, family: 'local', production: 'a mirror push rewrites protected branches' }];
  }
  const hits: RuleHit[] = [];
  // `--all` / `--branches` push every branch, the protected ones included.
  const everyBranch = parsed.flags.has('--all') || parsed.flags.has('--branches');
  const targets = everyBranch ? ['*'] : refspecs.length > 0 ? refspecs : [context.git.branch ? `${context.git.branch}` : ''];
  for (const refspec of targets) {
    const plus = refspec.startsWith('+');
    const [source = '', destination] = refspec.replace(/^\+/, '').split(':');
    const named = (destination ?? source).replace(/^(?:refs\/)?heads\//, '');
    if (named.includes('*') && (force || plus || deleting)) {
      // A pattern (`refs/heads/*:refs/heads/*`, `*:*`) reaches every branch it matches, protected ones too.
      hits.push({ rule: 'git-push-force', kind: 'destructive', what: `${deleting ? 'deletes' : 'force-pushes'} every branch matching \`${named}\` on \`${remote ?? 'the remote'}\``, family: 'local', production: 'the pattern includes protected branches' });
      continue;
    }
    // `git push origin HEAD` pushes the current branch.
    const branch = named === 'HEAD' ? (context.git.branch ?? 'HEAD') : named;
    const removes = deleting || (destination !== undefined && source === '');
    if (!force && !plus && !removes) continue;
    const verb = removes ? 'deletes' : 'force-pushes';
    if (branch === '' || branch === 'HEAD') {
      hits.push({ rule: removes ? 'git-push-delete' : 'git-push-force', kind: 'risky', what: `${verb} to a branch the guard cannot name (the current branch is not known)`, family: 'local' });
    } else if (isProtected(branch, context)) {
      hits.push({ rule: removes ? 'git-push-delete' : 'git-push-force', kind: 'destructive', what: `${verb} the branch \`${branch}\` on \`${remote ?? 'the remote'}\``, family: 'local', production: `\`${branch}\` is a protected branch` });
    }
  }
  return hits;
}

/** True for branch names the context protects (`main`, `release/*`). */
export function isProtected(branch: string, context: GuardContext): boolean {
  const name = branch.replace(/^refs\/heads\//, '').replace(/^origin\//, '');
  return context.git.protectedBranches.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name,
  );
}
