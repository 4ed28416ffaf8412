/**
 * @module kubectl, oc and helm: deleting namespaces, workloads, volumes and everything matched by
 * `--all` or a selector; `drain`; scaling to zero; `replace --force`; `apply --prune`; `helm uninstall`.
 */
import type { EnvironmentMarker } from '../environment/classify-environment.js';
import { parseArguments, type ParsedArguments } from '../shell/parse-arguments.js';
import { computedSubcommand, type InvocationRule, optionMarker, type RuleHit, subcommandIndex } from './rule-kit.js';

const KUBECTL_VALUES = [
  'context', 'cluster', 'user', 'namespace', 'server', 'kubeconfig', 'token', 'as', 'as-group', 'as-uid', 'request-timeout',
  'selector', 'output', 'filename', 'kustomize', 'field-selector', 'grace-period', 'container', 'timeout', 'replicas',
  'type', 'patch', 'sort-by', 'template', 'cascade', 'certificate-authority', 'client-certificate', 'client-key',
  'cache-dir', 'tls-server-name', 'v', 'vmodule', 'log-file', 'profile', 'profile-output', 'password', 'username',
];
/** kubectl's and oc's subcommands (see `subcommandIndex`). */
const KUBECTL_SUBCOMMANDS = new Set([
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose',
  'get', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale',
  'set', 'taint', 'top', 'uncordon', 'version', 'wait', 'adm', 'login', 'logout', 'new-app', 'new-project', 'project', 'projects',
  'start-build', 'whoami',
]);
const HELM_SUBCOMMANDS = new Set([
  'completion', 'create', 'dependency', 'env', 'get', 'help', 'history', 'install', 'lint', 'list', 'ls', 'package', 'plugin', 'pull',
  'push', 'registry', 'repo', 'rollback', 'search', 'show', 'status', 'template', 'test', 'uninstall', 'delete', 'del', 'un',
  'upgrade', 'verify', 'version',
]);
/** Objects whose deletion the cluster repairs by itself (a deployment recreates its pods). */
const SELF_HEALING = new Set(['pod', 'pods', 'po', 'event', 'events', 'ev']);

export const assessKubernetes: InvocationRule = (invocation) => {
  if (invocation.name === 'helm') {
    const helmValues = ['kube-context', 'namespace', 'kubeconfig', 'kube-apiserver', 'kube-as-user', 'kube-as-group', 'kube-ca-file', 'kube-token', 'kube-tls-server-name', 'burst-limit', 'qps', 'registry-config', 'repository-cache', 'repository-config'];
    return assessHelm(parseArguments(invocation.argv.slice(1), { shortWithValue: 'n', longWithValue: helmValues }));
  }
  const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'nslfkcLv', longWithValue: KUBECTL_VALUES });
  const markers = kubeMarkers(parsed);
  const ignoreSelections = parsed.flags.has('--kubeconfig') || parsed.flags.has('--server') || parsed.flags.has('-s');
  const hit = (rule: string, what: string): RuleHit[] => [{ rule, kind: 'destructive', what, family: 'kubernetes', markers, ignoreSelections }];
  const at = subcommandIndex(parsed.positionals, KUBECTL_SUBCOMMANDS);
  const computed = computedSubcommand(parsed.positionals[at], invocation.name, 'kubernetes');
  if (computed.length > 0) return computed.map((found) => ({ ...found, markers, ignoreSelections }));
  const [subcommand, ...positional] = parsed.positionals.slice(at).map((word) => word.value);
  const everything = parsed.flags.has('--all') || parsed.flags.has('-A') || parsed.flags.has('--all-namespaces') || parsed.flags.has('-l') || parsed.flags.has('--selector');
  switch (subcommand) {
    case 'delete': {
      if (parsed.flags.has('-f') || parsed.flags.has('--filename') || parsed.flags.has('-k') || parsed.flags.has('--kustomize')) {
        return hit('kubectl-delete', 'deletes every object defined in the given files');
      }
      const kinds = (positional[0] ?? '').split(',').map((kind) => kind.split('/')[0]?.toLowerCase().replace(/\..*$/, '') ?? '');
      const names = positional.slice(1);
      if (everything) return hit('kubectl-delete', `deletes every \`${positional[0] ?? 'object'}\` matched by \`--all\` or a selector`);
      if (kinds.every((kind) => SELF_HEALING.has(kind))) return [];
      const what = kinds.some((kind) => ['namespace', 'namespaces', 'ns'].includes(kind))
        ? `deletes the namespace ${quoted(names, positional[0])} and everything in it`
        : `deletes \`${positional[0] ?? ''}\`${names.length > 0 ? ` ${quoted(names)}` : ''}`;
      return hit('kubectl-delete', what);
    }
    case 'drain':
      return hit('kubectl-drain', `evicts every workload from the node ${quoted(positional)}`);
    case 'scale': {
      const replicas = parsed.values.get('--replicas')?.[0];
      return replicas !== undefined && /^0+$/.test(replicas) ? hit('kubectl-scale-zero', `scales ${quoted(positional)} to zero replicas`) : [];
    }
    case 'replace':
      return parsed.flags.has('--force') ? hit('kubectl-replace-force', 'deletes and recreates the objects (`replace --force`)') : [];
    case 'apply':
      return parsed.flags.has('--prune') ? hit('kubectl-apply-prune', 'deletes objects missing from the applied files (`--prune`)') : [];
    default:
      return [];
  }
};

function assessHelm(parsed: ParsedArguments): RuleHit[] {
  const at = subcommandIndex(parsed.positionals, HELM_SUBCOMMANDS);
  const computed = computedSubcommand(parsed.positionals[at], 'helm', 'kubernetes');
  if (computed.length > 0) return computed;
  const subcommand = parsed.positionals[at]?.value;
  if (!['uninstall', 'delete', 'del', 'un'].includes(subcommand ?? '')) return [];
  const releases = parsed.positionals.slice(at + 1).map((word) => word.value);
  const markers: EnvironmentMarker[] = [
    ...optionMarker(parsed.values.get('--kube-context')?.[0], 'kubeContext', '--kube-context'),
    ...optionMarker(parsed.values.get('--namespace')?.[0] ?? parsed.values.get('-n')?.[0], 'name', '--namespace', false),
    ...optionMarker(parsed.values.get('--kubeconfig')?.[0], 'name', '--kubeconfig'),
    ...optionMarker(parsed.values.get('--kube-apiserver')?.[0], 'name', '--kube-apiserver'),
  ];
  return [{
    rule: 'helm-uninstall',
    kind: 'destructive',
    what: `uninstalls the release ${quoted(releases)} and deletes its objects`,
    family: 'kubernetes',
    markers,
    // An explicit cluster: the machine's selected context says nothing about it.
    ignoreSelections: parsed.flags.has('--kubeconfig') || parsed.flags.has('--kube-apiserver'),
  }];
}

function kubeMarkers(parsed: ParsedArguments): EnvironmentMarker[] {
  const first = (name: string): string | undefined => parsed.values.get(name)?.[0];
  return [
    ...optionMarker(first('--context'), 'kubeContext', '--context'),
    ...optionMarker(first('--cluster'), 'name', '--cluster'),
    ...optionMarker(first('--kubeconfig'), 'name', '--kubeconfig'),
    ...optionMarker(first('--server') ?? first('-s'), 'name', '--server'),
    ...optionMarker(first('--namespace') ?? first('-n'), 'name', '--namespace', false),
  ];
}

function quoted(names: readonly string[], fallback = ''): string {
  const list = names.length > 0 ? names : fallback ? [fallback] : [];
  return list.length > 0 ? list.map((name) => `\`${name}\``).join(', ') : '(unnamed)';
}
