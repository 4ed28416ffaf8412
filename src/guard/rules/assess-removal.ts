/**
 * @module File deletion: `rm` (every flag spelling), `find -delete`, `shred`, `unlink`, `rmdir`.
 *
 * Deleting `/`, a system directory, the home directory or the workspace root is refused outright.
 * Deleting outside the workspace, inside `.git`, or a path only known at run time needs a person.
 * Deleting inside the workspace or in scratch space (`node_modules`, `dist`, `/tmp/x`) is fine.
 */
import type { GuardContext } from '../guard-types.js';
import { classifyPathWord, type PathClass } from '../paths/classify-path.js';
import type { Invocation } from '../shell/expand-invocations.js';
import { literalWord } from '../shell/decode-word.js';
import { parseArguments } from '../shell/parse-arguments.js';
import type { ShellWord } from '../shell/shell-syntax.js';
import type { InvocationRule, RuleHit } from './rule-kit.js';

const CATASTROPHIC: ReadonlySet<PathClass> = new Set(['root', 'system', 'home', 'workspace-root', 'workspace-ancestor']);
const FIND_ACTIONS = new Set(['-delete', '-exec', '-execdir', '-ok', '-okdir', '-print', '-print0', '-ls', '-prune', '-quit']);

export const assessRemoval: InvocationRule = (invocation, context) => {
  switch (invocation.name) {
    case 'rm':
      return assessRm(invocation, context);
    case 'find':
      return assessFind(invocation, context);
    case 'rimraf':
      return targetsHits(context, invocation.argv.slice(1).filter((word) => !word.value.startsWith('-')), true, 'rimraf');
    case 'shred':
    case 'srm':
    case 'unlink':
      return targetsHits(context, invocation.argv.slice(1).filter((word) => !word.value.startsWith('-')), false, `${invocation.name}`);
    default:
      return [];
  }
};

function assessRm(invocation: Invocation, context: GuardContext): RuleHit[] {
  const parsed = parseArguments(invocation.argv.slice(1), { longWithValue: ['interactive'] });
  const recursive = parsed.flags.has('-r') || parsed.flags.has('-R') || parsed.flags.has('--recursive');
  if (parsed.flags.has('--no-preserve-root')) {
    return [{ rule: 'rm-no-preserve-root', kind: 'catastrophic', what: 'deletes files with `--no-preserve-root`', family: 'local' }];
  }
  const hits = targetsHits(context, parsed.positionals, recursive, recursive ? 'rm -r' : 'rm');
  if (invocation.argsFromInput) {
    hits.push({ rule: 'rm-from-input', kind: 'risky', what: `deletes ${recursive ? 'recursively ' : ''}paths that arrive at run time (\`${invocation.via.join(' → ')}\`)`, family: 'local' });
  }
  return hits;
}

function assessFind(invocation: Invocation, context: GuardContext): RuleHit[] {
  const args = invocation.argv.slice(1);
  if (!args.some((word) => word.value === '-delete')) return [];
  const firstExpression = args.findIndex((word) => /^[-(!]/.test(word.value));
  const starts = firstExpression < 0 ? args : args.slice(0, firstExpression);
  const expressions = firstExpression < 0 ? [] : args.slice(firstExpression).map((word) => word.value);
  const filtered = expressions.some((expression) => expression.startsWith('-') && !FIND_ACTIONS.has(expression) && !['-depth', '-mindepth', '-maxdepth', '-xdev', '-mount', '-follow', '-L', '-P', '-H'].includes(expression));
  const roots = starts.length > 0 ? starts : [literalWord('.')];
  if (!filtered) return targetsHits(context, roots, true, 'find -delete');
  // With filters only matching entries go; still not a thing to run across the whole disk or home.
  const hits: RuleHit[] = [];
  for (const root of roots) {
    const place = classifyPathWord(root, context).class;
    if (['root', 'system', 'home', 'outside', 'git-dir', 'unknown', 'workspace-ancestor'].includes(place)) {
      hits.push({ rule: 'find-delete', kind: 'risky', what: `deletes matching files under \`${root.display}\` (${describePlace(place)})`, family: 'local' });
    }
  }
  return hits;
}

function targetsHits(context: GuardContext, targets: ShellWord[], recursive: boolean, label: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const target of targets) {
    const place = classifyPathWord(target, context).class;
    const rule = recursive ? 'rm-recursive' : 'rm';
    if (CATASTROPHIC.has(place) && recursive) {
      hits.push({ rule, kind: 'catastrophic', what: `\`${label}\` deletes \`${target.display}\` (${describePlace(place)})`, family: 'local' });
    } else if (place === 'git-dir' || place === 'outside' || place === 'unknown' || (CATASTROPHIC.has(place) && !recursive)) {
      hits.push({ rule, kind: 'risky', what: `\`${label}\` deletes \`${target.display}\` (${describePlace(place)})`, family: 'local' });
    }
  }
  return hits;
}

/** Says in words where a path lies. */
export function describePlace(place: PathClass): string {
  switch (place) {
    case 'root': return 'the root of the file system';
    case 'system': return 'a system directory';
    case 'home': return 'the home directory';
    case 'workspace-root': return 'the root of the workspace';
    case 'workspace-ancestor': return 'a directory that contains the workspace';
    case 'git-dir': return "the repository's `.git` history";
    case 'inside-workspace': return 'inside the workspace';
    case 'temp': return 'scratch space';
    case 'outside': return 'outside the workspace';
    case 'unknown': return 'a path only known at run time';
  }
}
