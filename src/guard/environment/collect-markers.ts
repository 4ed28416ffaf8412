/**
 * @module Gathers the environment markers that bear on one command: its options, its arguments,
 * its variables, the hops it runs through (an ssh host) and the machine's current selections.
 */
import { posix } from 'node:path';
import type { GuardContext } from '../guard-types.js';
import { locatedAt } from '../paths/classify-path.js';
import type { ToolFamily } from '../rules/rule-kit.js';
import type { ShellAssignment, ShellWord } from '../shell/shell-syntax.js';
import type { EnvironmentMarker, MarkerKind } from './classify-environment.js';

/** Variables that choose where a tool acts, per tool family. */
const SELECTING_VARIABLES: Record<ToolFamily, ReadonlyArray<readonly [string, MarkerKind]>> = {
  kubernetes: [['KUBECONTEXT', 'kubeContext'], ['KUBE_CONTEXT', 'kubeContext']],
  terraform: [['TF_WORKSPACE', 'terraformWorkspace']],
  pulumi: [['PULUMI_STACK', 'stack']],
  aws: [['AWS_PROFILE', 'awsProfile'], ['AWS_DEFAULT_PROFILE', 'awsProfile'], ['AWS_VAULT', 'awsProfile']],
  gcp: [['CLOUDSDK_CORE_PROJECT', 'name'], ['GOOGLE_CLOUD_PROJECT', 'name'], ['GCLOUD_PROJECT', 'name']],
  azure: [['AZURE_SUBSCRIPTION_ID', 'name'], ['ARM_SUBSCRIPTION_ID', 'name']],
  database: [['PGHOST', 'databaseHost'], ['PGDATABASE', 'name'], ['PGSERVICE', 'name'], ['DATABASE_URL', 'databaseHost'], ['MYSQL_HOST', 'databaseHost'], ['REDIS_URL', 'databaseHost'], ['MONGODB_URI', 'databaseHost']],
  cloud: [],
  local: [],
};

/** Variables that name an environment without choosing a target; they can only make it production. */
const NAMING_VARIABLES = ['ENV', 'ENVIRONMENT', 'APP_ENV', 'RAILS_ENV', 'RACK_ENV', 'STAGE', 'DEPLOY_ENV', 'MIX_ENV', 'DJANGO_SETTINGS_MODULE'];

export interface MarkerSources {
  family: ToolFamily;
  argv: readonly ShellWord[];
  assignments: readonly ShellAssignment[];
  outer: readonly ShellWord[];
  /** `cd` targets before the command; they choose the target only for directory-per-environment tools. */
  cd: readonly ShellWord[];
  /** Markers the rule read from the tool's options. */
  options: readonly EnvironmentMarker[];
  ignoreSelections: boolean;
}

/**
 * Where the `cd`s before a command leave it, as one marker: the folder it ends in, relative to
 * where the guard runs (`cd envs/staging && cd ../..` ends where it started, so it says nothing).
 * When that folder cannot be worked out, every `cd` target counts.
 */
function cdMarkers(cd: readonly ShellWord[], context: GuardContext, selectsTarget: boolean): EnvironmentMarker[] {
  if (cd.length === 0) return [];
  const located = locatedAt(context, cd);
  const relative = posix.relative(context.cwd, located.cwd);
  if (located.cwd !== context.cwd && posix.isAbsolute(located.cwd) && !relative.startsWith('..')) {
    return [{ value: relative, kind: 'name', source: `\`cd\` into \`${relative}\``, selectsTarget }];
  }
  if (located.cwd === context.cwd) return [];
  return cd.map((word) => ({ value: word.value, kind: 'name', source: `\`cd ${word.value}\``, selectsTarget }));
}

/** Collects markers in order of how directly they choose the target. */
export function collectMarkers(sources: MarkerSources, context: GuardContext): EnvironmentMarker[] {
  const markers: EnvironmentMarker[] = [...sources.options];
  const selecting = SELECTING_VARIABLES[sources.family];
  for (const assignment of sources.assignments) {
    const kind = selecting.find(([name]) => name === assignment.name)?.[1];
    if (kind) markers.push({ value: assignment.value.value, kind, source: `\`${assignment.name}=${assignment.value.value}\``, selectsTarget: true });
    else if (NAMING_VARIABLES.includes(assignment.name) || /(^|_)(ENV|ENVIRONMENT|STAGE|PROFILE|CONTEXT|WORKSPACE|HOST|URL)$/.test(assignment.name)) {
      markers.push({ value: assignment.value.value, kind: 'name', source: `\`${assignment.name}=${assignment.value.value}\``, selectsTarget: false });
    }
  }
  for (const word of sources.outer) markers.push({ value: word.value, kind: 'name', source: `\`${word.value}\` (where the command runs)`, selectsTarget: true });
  const directoryPerEnvironment = sources.family === 'terraform' || sources.family === 'pulumi';
  markers.push(...cdMarkers(sources.cd, context, directoryPerEnvironment));
  const assigned = new Set(sources.assignments.map((assignment) => assignment.name));
  for (const [name, kind] of selecting) {
    const value = context.env[name];
    if (value && !assigned.has(name)) markers.push({ value, kind, source: `environment variable ${name}`, selectsTarget: true });
  }
  const chosen = (kind: MarkerKind): boolean => markers.some((marker) => marker.kind === kind && marker.selectsTarget);
  if (!sources.ignoreSelections) {
    if (sources.family === 'kubernetes' && context.kubeContext && !chosen('kubeContext')) {
      markers.push({ value: context.kubeContext.name, kind: 'kubeContext', source: `the current kube context (${context.kubeContext.source})`, selectsTarget: true });
    }
    if (sources.family === 'terraform' && context.terraformWorkspace && !chosen('terraformWorkspace')) {
      markers.push({ value: context.terraformWorkspace.name, kind: 'terraformWorkspace', source: `the selected Terraform workspace (${context.terraformWorkspace.source})`, selectsTarget: true });
    }
  }
  for (const word of sources.argv.slice(1)) {
    const value = word.value;
    markers.push({ value, kind: 'name', source: `argument \`${value.length > 60 ? `${value.slice(0, 60)}…` : value}\``, selectsTarget: false });
  }
  return markers;
}
