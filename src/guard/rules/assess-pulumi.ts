/**
 * @module Pulumi: `destroy`/`down`, `up --replace`/`--target-replace`, `stack rm`, `state delete`.
 */
import { parseArguments } from '../shell/parse-arguments.js';
import { type InvocationRule, optionMarker, type RuleHit, subcommandIndex } from './rule-kit.js';

const PULUMI_SUBCOMMANDS = new Set([
  'about', 'cancel', 'config', 'console', 'convert', 'destroy', 'down', 'env', 'gen-completion', 'import', 'install', 'login', 'logout',
  'new', 'org', 'package', 'plugin', 'policy', 'preview', 'refresh', 'schema', 'stack', 'state', 'up', 'update', 'version', 'watch', 'whoami',
]);

export const assessPulumi: InvocationRule = (invocation) => {
  const parsed = parseArguments(invocation.argv.slice(1), {
    shortWithValue: 'sCm',
    longWithValue: ['stack', 'cwd', 'replace', 'target-replace', 'target', 'message', 'config-file', 'parallel', 'color', 'tracing', 'profiling', 'verbose', 'logflow', 'memprofilerate'],
  });
  const [first, second] = parsed.positionals.slice(subcommandIndex(parsed.positionals, PULUMI_SUBCOMMANDS)).map((word) => word.value);
  const stack = parsed.values.get('--stack')?.[0] ?? parsed.values.get('-s')?.[0];
  const markers = [...optionMarker(stack, 'stack', '--stack'), ...optionMarker(parsed.values.get('--cwd')?.[0], 'name', '--cwd')];
  const hit = (rule: string, what: string): RuleHit[] => [{ rule, kind: 'destructive', what, family: 'pulumi', markers }];
  if (first === 'destroy' || first === 'down') return hit('pulumi-destroy', 'deletes every resource in the stack');
  if (first === 'up' || first === 'update') {
    const replaced = [...(parsed.values.get('--replace') ?? []), ...(parsed.values.get('--target-replace') ?? [])];
    return replaced.length > 0 ? hit('pulumi-replace', `deletes and recreates ${replaced.map((urn) => `\`${urn}\``).join(', ')}`) : [];
  }
  if (first === 'stack' && (second === 'rm' || second === 'remove')) return hit('pulumi-stack-rm', 'deletes the stack and its history');
  if (first === 'state' && second === 'delete') return hit('pulumi-state-delete', 'removes a resource from the stack state');
  return [];
};
