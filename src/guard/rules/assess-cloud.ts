/**
 * @module Cloud CLIs: `aws … delete-*`/`terminate-*`, `aws s3 rb`/`rm --recursive`/`sync --delete`,
 * `gcloud … delete`, `gsutil rm -r`/`rb`, `az … delete`, and the delete/destroy verbs of the
 * smaller platform CLIs (doctl, heroku, fly, vercel, firebase, supabase, …).
 */
import type { EnvironmentMarker } from '../environment/classify-environment.js';
import { parseArguments } from '../shell/parse-arguments.js';
import { type InvocationRule, optionMarker, type RuleHit } from './rule-kit.js';

const AWS_GLOBAL_VALUES = ['profile', 'region', 'output', 'endpoint-url', 'query', 'color', 'ca-bundle', 'cli-read-timeout', 'cli-connect-timeout', 'cli-binary-format'];
const AWS_DESTRUCTIVE_OPERATION = /^(delete|terminate|destroy|purge|remove|deregister|batch-delete|schedule-key-deletion|disable-key|close-account)(-|$)/;
const AWS_TARGET_OPTIONS = ['stack-name', 'db-instance-identifier', 'db-cluster-identifier', 'table-name', 'cluster', 'cluster-name', 'function-name', 'bucket', 'repository-name', 'stack-set-name'];

export const assessAws: InvocationRule = (invocation) => {
  const parsed = parseArguments(invocation.argv.slice(1), { longWithValue: [...AWS_GLOBAL_VALUES, ...AWS_TARGET_OPTIONS] });
  const [service, operation, ...rest] = parsed.positionals.map((word) => word.value);
  if (!service || !operation) return [];
  const markers: EnvironmentMarker[] = [
    ...optionMarker(parsed.values.get('--profile')?.[0], 'awsProfile', '--profile'),
    ...AWS_TARGET_OPTIONS.flatMap((option) => optionMarker(parsed.values.get(`--${option}`)?.[0], 'stack', `--${option}`, option === 'stack-name')),
    ...invocation.argv.flatMap((word) => [...word.value.matchAll(/arn:aws[a-z-]*:[^:\s]*:[^:\s]*:(\d{12}):/g)].map((match) => ({
      value: match[1] as string, kind: 'awsAccount' as const, source: `the account in \`${word.value}\``, selectsTarget: true,
    }))),
  ];
  const hit = (rule: string, what: string): RuleHit[] => [{ rule, kind: 'destructive', what, family: 'aws', markers }];
  if (service === 's3') {
    if (operation === 'rb') return hit('aws-s3-rb', `deletes the bucket ${rest[0] ? `\`${rest[0]}\`` : ''}`.trim());
    if (operation === 'rm' && parsed.flags.has('--recursive')) return hit('aws-s3-rm-recursive', `deletes every object under \`${rest[0] ?? ''}\``);
    if (operation === 'rm') return hit('aws-s3-rm', `deletes \`${rest[0] ?? 'an object'}\``);
    if (operation === 'sync' && parsed.flags.has('--delete')) return hit('aws-s3-sync-delete', `deletes objects in \`${rest[1] ?? ''}\` missing from the source`);
    return [];
  }
  if (AWS_DESTRUCTIVE_OPERATION.test(operation)) return hit(`aws-${service}-${operation}`, `runs \`aws ${service} ${operation}\``);
  return [];
};

export const assessGcloud: InvocationRule = (invocation) => {
  const parsed = parseArguments(invocation.argv.slice(1), { longWithValue: ['project', 'account', 'configuration', 'zone', 'region', 'format', 'impersonate-service-account'] });
  const words = parsed.positionals.map((word) => word.value);
  const markers = [
    ...optionMarker(parsed.values.get('--project')?.[0], 'name', '--project'),
    ...optionMarker(parsed.values.get('--configuration')?.[0], 'name', '--configuration'),
  ];
  const hit = (rule: string, what: string): RuleHit[] => [{ rule, kind: 'destructive', what, family: 'gcp', markers }];
  if (invocation.name === 'gsutil') {
    // gsutil's own options come first; `-o`, `-h`, `-u` and `-i` take a value.
    const own = parseArguments(invocation.argv.slice(1), { shortWithValue: 'ohui', stopAtPositional: true });
    const [verb, ...targets] = invocation.argv.slice(1 + own.stop).map((word) => word.value).filter((word) => !word.startsWith('-'));
    if (verb === 'rb') return hit('gsutil-rb', `deletes the bucket ${targets.map((t) => `\`${t}\``).join(', ')}`);
    if (verb === 'rm' && invocation.argv.some((word) => /^-[a-zA-Z]*[rR]/.test(word.value) || word.value === '--recursive')) {
      return hit('gsutil-rm-recursive', `deletes every object under ${targets.map((t) => `\`${t}\``).join(', ')}`);
    }
    return [];
  }
  if (words.includes('delete')) return hit('gcloud-delete', `runs \`gcloud ${words.slice(0, words.indexOf('delete') + 2).join(' ')}\``);
  // `gcloud alpha storage rm` and `gcloud beta storage rm` are the same command.
  const track = words[0] === 'alpha' || words[0] === 'beta' ? 1 : 0;
  if (words[track] === 'storage' && words[track + 1] === 'rm' && (parsed.flags.has('--recursive') || parsed.flags.has('-r') || words.some((word) => word.includes('**')))) {
    return hit('gcloud-storage-rm-recursive', `deletes every object under \`${words[track + 2] ?? ''}\``);
  }
  return [];
};

export const assessAzure: InvocationRule = (invocation) => {
  const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'gno', longWithValue: ['subscription', 'resource-group', 'name', 'output', 'query', 'method', 'url', 'body'] });
  const words = parsed.positionals.map((word) => word.value);
  // `az storage blob delete-batch`, `az rest --method DELETE`.
  const verb = words.find((word) => /^(?:delete|purge)(?:-|$)/.test(word)) ?? (/^delete$/i.test(parsed.values.get('--method')?.[0] ?? '') ? 'rest --method DELETE' : undefined);
  if (!verb) return [];
  const markers = [
    ...optionMarker(parsed.values.get('--subscription')?.[0], 'name', '--subscription'),
    ...optionMarker(parsed.values.get('--resource-group')?.[0] ?? parsed.values.get('-g')?.[0], 'name', '--resource-group', false),
  ];
  const shown = words.includes(verb) ? words.slice(0, words.indexOf(verb) + 1).join(' ') : verb;
  return [{ rule: `az-${words[0] ?? 'resource'}-${verb.split(' ')[0]}`, kind: 'destructive', what: `runs \`az ${shown}\``, family: 'azure', markers }];
};

const PLATFORM_VERBS = /^(delete|destroy|rm|remove|reset|purge|terminate|drop|nuke)$/;

/** The smaller platform CLIs share one habit: a delete-like verb among the positional words. */
export const assessPlatformCli: InvocationRule = (invocation) => {
  const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'aoprc', longWithValue: ['app', 'org', 'project', 'context', 'config', 'region'] });
  const words = parsed.positionals.flatMap((word) => word.value.split(':'));
  const verb = words.find((word) => PLATFORM_VERBS.test(word));
  if (!verb) return [];
  const target = parsed.values.get('--app')?.[0] ?? parsed.values.get('-a')?.[0] ?? parsed.values.get('--project')?.[0];
  return [{
    rule: `${invocation.name}-${verb}`,
    kind: 'destructive',
    what: `runs \`${invocation.name} ${parsed.positionals.slice(0, 3).map((word) => word.value).join(' ')}\``,
    family: 'cloud',
    markers: optionMarker(target, 'name', '--app'),
  }];
};
