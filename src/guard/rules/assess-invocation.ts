/**
 * @module Routes each command that runs to the rules that know it.
 */
import type { GuardContext } from '../guard-types.js';
import type { Invocation } from '../shell/expand-invocations.js';
import { assessAws, assessAzure, assessGcloud, assessPlatformCli } from './assess-cloud.js';
import { assessDatabase } from './assess-database.js';
import { assessDeviceRedirects, assessDisk } from './assess-disk.js';
import { assessGit } from './assess-git.js';
import { assessGuardTamper, assessProtectedWrites } from './assess-guard-and-writes.js';
import { assessKubernetes } from './assess-kubernetes.js';
import { assessPulumi } from './assess-pulumi.js';
import { assessRemoval } from './assess-removal.js';
import { assessTerraform } from './assess-terraform.js';
import type { InvocationRule, RuleHit } from './rule-kit.js';

const BY_NAME: Record<string, InvocationRule> = {
  terraform: assessTerraform, tofu: assessTerraform, terragrunt: assessTerraform, opentofu: assessTerraform,
  pulumi: assessPulumi,
  kubectl: assessKubernetes, oc: assessKubernetes, helm: assessKubernetes,
  aws: assessAws, awslocal: assessAws,
  gcloud: assessGcloud, gsutil: assessGcloud,
  az: assessAzure,
  git: assessGit,
  rm: assessRemoval, rimraf: assessRemoval, find: assessRemoval, shred: assessRemoval, srm: assessRemoval, unlink: assessRemoval,
};
for (const name of ['psql', 'mysql', 'mariadb', 'sqlite3', 'sqlite', 'duckdb', 'clickhouse-client', 'cockroach', 'dropdb', 'redis-cli', 'mongosh', 'mongo', 'prisma', 'rails', 'rake', 'spring', 'supabase', 'mysqladmin', 'pg_restore']) {
  BY_NAME[name] = assessDatabase;
}
for (const name of ['doctl', 'heroku', 'fly', 'flyctl', 'vercel', 'netlify', 'firebase', 'railway', 'linode-cli', 'hcloud', 'scw', 'oci', 'ibmcloud', 'render', 'exo']) {
  BY_NAME[name] ??= assessPlatformCli;
}

const EVERY_COMMAND: InvocationRule[] = [assessDisk, assessDeviceRedirects, assessGuardTamper, assessProtectedWrites];

/** Every hit the rules report for one invocation. */
export function assessInvocation(invocation: Invocation, context: GuardContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const rule = BY_NAME[invocation.name] ?? (/^python[0-9.]*$/.test(invocation.name) ? assessDatabase : undefined);
  if (rule) hits.push(...rule(invocation, context));
  for (const always of EVERY_COMMAND) hits.push(...always(invocation, context));
  return hits;
}
