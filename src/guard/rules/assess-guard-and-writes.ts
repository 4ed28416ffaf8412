/**
 * @module Writes to protected paths through the shell (redirects, `tee`, `cp`, `mv`, `sed -i`, …)
 * and attempts to switch the guard off: `tollgate guard uninstall|approve`, uninstalling Tollgate,
 * touching `.tollgate/`.
 */
import type { GuardContext } from '../guard-types.js';
import { resolveWordPath } from '../paths/classify-path.js';
import { matchProtectedPath } from '../paths/protected-paths.js';
import type { Invocation } from '../shell/expand-invocations.js';
import { literalWord } from '../shell/decode-word.js';
import { parseArguments } from '../shell/parse-arguments.js';
import type { ShellWord, SimpleCommand } from '../shell/shell-syntax.js';
import type { InvocationRule, RuleHit } from './rule-kit.js';

const READ_ONLY = new Set([
  'cat', 'less', 'more', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ls', 'stat', 'file', 'wc', 'jq', 'yq', 'bat',
  'diff', 'cmp', 'sha256sum', 'sha1sum', 'md5sum', 'shasum', 'tree', 'du', 'realpath', 'readlink', 'dirname', 'basename',
  'test', '[', 'echo', 'printf', 'view', 'git', 'code', 'open', 'xxd', 'hexdump', 'od', 'strings', 'column', 'sort', 'uniq', 'cut',
]);
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/** Switching off or overriding the guard from inside the agent. */
export const assessGuardTamper: InvocationRule = (invocation) => {
  const values = invocation.argv.map((word) => word.value);
  const hits: RuleHit[] = [];
  if (invocation.name === 'tollgate') {
    const guardIndex = values.indexOf('guard');
    const action = guardIndex > 0 ? values[guardIndex + 1] : undefined;
    if (action === 'uninstall' || action === 'approve') {
      hits.push({ rule: 'guard-tamper', kind: 'tamper', what: `\`tollgate guard ${action}\` must be run by a person in their own terminal, not by the agent`, family: 'local' });
    }
  }
  // A program that drives another in a terminal (`expect`, `tmux send-keys`) could type the
  // approval for the agent: any command that names it, other than the guard itself, is refused.
  if (invocation.name !== 'tollgate' && !READ_ONLY.has(invocation.name) && /\btollgate\b[\s\S]*\bguard\s+(approve|uninstall)\b/.test(values.join(' '))) {
    hits.push({ rule: 'guard-tamper', kind: 'tamper', what: 'drives `tollgate guard approve` or `uninstall`, which only a person may run', family: 'local' });
  }
  if (PACKAGE_MANAGERS.has(invocation.name) && ['uninstall', 'remove', 'rm', 'un', 'r', 'unlink'].includes(values[1] ?? '') && values.slice(2).some((value) => /^(@[^/]+\/)?tollgate(@.*)?$/.test(value))) {
    hits.push({ rule: 'guard-tamper', kind: 'tamper', what: 'uninstalls Tollgate, which would switch the guard off', family: 'local' });
  }
  const toolIsReadOnly = READ_ONLY.has(invocation.name) || (invocation.name === 'tollgate' && values.includes('log'));
  if (!toolIsReadOnly && values.some((value) => /(^|[/\s'"])\.tollgate(\/|$|['"\s])/.test(value))) {
    hits.push({ rule: 'guard-tamper', kind: 'tamper', what: "touches `.tollgate/`, the guard's own state", family: 'local' });
  }
  return hits;
};

/** Writes and deletions of protected paths by well-known commands. */
export const assessProtectedWrites: InvocationRule = (invocation, context) => {
  const hits: RuleHit[] = [];
  for (const { word, verb } of commandTargets(invocation)) hits.push(...protectedHit(word, verb, context));
  return hits;
};

/** Redirect targets of a simple command (checked once per command, not per invocation). */
export function assessRedirectWrites(command: SimpleCommand, context: GuardContext): RuleHit[] {
  return command.redirects
    .filter((redirect) => ['>', '>>', '>|', '&>', '&>>', '<>'].includes(redirect.operator))
    .flatMap((redirect) => protectedHit(redirect.target, 'writes', context));
}

function protectedHit(word: ShellWord, verb: string, context: GuardContext): RuleHit[] {
  const resolved = resolveWordPath(word, context);
  if (!resolved) return [];
  const rule = matchProtectedPath(resolved.path, context);
  if (!rule) return [];
  const kind = rule.verdict === 'deny' ? 'tamper' : 'protected';
  return [{ rule: 'protected-path', kind, verdict: rule.verdict, what: `${verb} \`${word.display}\`, which ${rule.reason}`, family: 'local' }];
}

function commandTargets(invocation: Invocation): Array<{ word: ShellWord; verb: string }> {
  const args = invocation.argv.slice(1);
  const positionals = (spec?: Parameters<typeof parseArguments>[1]): ShellWord[] => parseArguments(args, spec).positionals;
  const all = (words: ShellWord[], verb: string) => words.map((word) => ({ word, verb }));
  switch (invocation.name) {
    case 'tee':
    case 'truncate':
    case 'touch':
      return all(positionals({ shortWithValue: 'sr', longWithValue: ['size', 'reference'] }), 'writes');
    case 'rm':
    case 'unlink':
    case 'shred':
    case 'rmdir':
    case 'srm':
      return all(positionals(), 'deletes');
    case 'cp':
    case 'install':
    case 'ln':
    case 'rsync':
    case 'scp': {
      const parsed = parseArguments(args, { shortWithValue: 'tSmogb', longWithValue: ['target-directory', 'suffix', 'mode', 'owner', 'group'] });
      const target = parsed.values.get('-t')?.[0] ?? parsed.values.get('--target-directory')?.[0];
      const last = parsed.positionals[parsed.positionals.length - 1];
      if (target !== undefined) return parsed.positionals.map((word) => ({ word: literalWord(`${target}/${basename(word.value)}`), verb: 'writes' }));
      return parsed.positionals.length > 1 && last ? [{ word: last, verb: 'writes' }] : [];
    }
    case 'mv': {
      const words = positionals({ shortWithValue: 'tS', longWithValue: ['target-directory', 'suffix'] });
      return [...all(words.slice(0, -1), 'moves away'), ...all(words.slice(-1), 'writes')];
    }
    case 'sed':
    case 'perl': {
      const inPlace = args.some((word) => /^-[a-zA-Z]*i/.test(word.value) || word.value.startsWith('--in-place'));
      if (!inPlace) return [];
      const parsed = parseArguments(args, { shortWithValue: invocation.name === 'sed' ? 'ef' : 'eEIMm', longWithValue: ['expression', 'file'] });
      const scripted = parsed.flags.has('-e') || parsed.flags.has('-f') || parsed.flags.has('--expression') || parsed.flags.has('-E');
      return all(scripted ? parsed.positionals : parsed.positionals.slice(1), 'edits');
    }
    case 'dd': {
      const output = args.find((word) => word.value.startsWith('of='));
      return output?.literal ? [{ word: literalWord(output.value.slice(3)), verb: 'writes' }] : [];
    }
    default:
      return [];
  }
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}
