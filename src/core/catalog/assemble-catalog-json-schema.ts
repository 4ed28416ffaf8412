/**
 * @module The catalog's JSON Schema (for editor completion), generated from the zod schema.
 *
 * `scripts/generate-schema.ts` writes it to `schema/tollgate.schema.json`; a test fails when
 * the committed file and this output differ, so the two cannot drift.
 */
import * as z from 'zod';
import { catalogSchema } from './catalog-schema.js';

/** The schema's identifier; editors use the `$schema` hint written by `tollgate init` instead. */
export const CATALOG_SCHEMA_ID = 'urn:tollgate:schema:catalog:v1';

/** Hover text for fields whose zod definition carries no `.describe()`; keyed by `a.b[].c`, `*` for map values. */
const DESCRIPTIONS: Record<string, string> = {
  version: 'Catalog format version; always `1`.',
  defaults: 'Settings for files that no system claims.',
  'defaults.tier': 'Tier of files that no system claims: 1 (most friction) to 3 (least).',
  people: 'Identities: humans and AI agents, recognised by commit email or GitHub handle.',
  'people[].id': 'Id used in teams, owners, director and vp.',
  'people[].name': 'Display name.',
  'people[].emails': 'Commit author/committer emails of this person.',
  'people[].github': 'GitHub login, without `@`.',
  'people[].ai': 'An AI identity (agent or bot): its changes are AI-authored and it can never approve.',
  'people[].roles': 'Roles such as `director`, `vp`, `guardrail-owner`; informational except where policy names them.',
  'people[].keys': 'SSH public keys (`ssh-ed25519 AAAA…`) that may sign this person\'s approvals.',
  teams: 'Team id -> member person ids.',
  'teams.*': 'Person ids of the team\'s members.',
  systems: 'Systems with their tier, owners and the paths that belong to them. A path claimed by several systems belongs to all; the strictest tier wins.',
  'systems[].id': 'Stable id of the system.',
  'systems[].name': 'Display name.',
  'systems[].description': 'What the system does.',
  'systems[].tier': '1: critical (most friction), 2: important, 3: everything else.',
  'systems[].org': 'Organisation the system belongs to (used by freezes and audit reports).',
  'systems[].owners': 'Team or person ids whose approval counts as an owner approval.',
  'systems[].director': 'Person id who signs off critical findings.',
  'systems[].vp': 'Person id of the accountable VP (audit reports).',
  'systems[].paths': 'Globs (picomatch) of repository-relative paths that belong to this system, e.g. `services/checkout/**`.',
  'systems[].critical': 'Globs of paths inside the system whose changes are critical (rule `critical-path`).',
  rules: 'Settings of the built-in rules and custom rules.',
  'rules.disable': 'Ids of built-in rules to turn off.',
  'rules.enforcement': 'Per-rule enforcement: `evaluate` reports a rule\'s effect without failing the gate.',
  'rules.settings': 'Per-rule settings, keyed by rule id; each rule documents its own keys.',
  'rules.custom': 'Your own rules: a linear-time regex on added lines in some paths.',
  'rules.custom[].id': 'Rule id shown in findings.',
  'rules.custom[].description': 'What the rule is for.',
  'rules.custom[].paths': 'Globs of the files the rule looks at (default: all).',
  'rules.custom[].added': 'Linear-time (RE2) regular expression matched against each added line; no backreferences or lookaround.',
  'rules.custom[].severity': 'Severity of the finding.',
  'rules.custom[].message': 'Message of the finding.',
  'rules.custom[].remediation': 'How to fix it.',
  guardrails: 'Guardrails: CI/CD config, CODEOWNERS, branch rules and `tollgate.yaml` itself.',
  'guardrails.owners': 'Team or person ids who must approve changes to guardrails.',
  'guardrails.paths': 'Extra guardrail path globs beyond the built-in ones.',
  ai: 'Extra markers of AI-authored changes, beyond the built-in ones.',
  'ai.emails': 'Commit author/committer/co-author email globs that mark AI tools.',
  'ai.branchPrefixes': 'Branch prefixes of agent branches, e.g. `agent/`.',
  'ai.trailers': 'Trailer keys whose presence marks AI assistance, e.g. `X-Generated-By`.',
  'environments[].name': 'Environment name.',
  'environments[].production': 'Destructive actions against it are denied by the agent guard.',
  'environments[].names': 'Words that mark this environment in arguments or variables.',
  'environments[].kubeContexts': 'Kubernetes contexts of this environment.',
  'environments[].awsProfiles': 'AWS profiles of this environment.',
  'environments[].awsAccounts': 'AWS account ids of this environment.',
  'environments[].terraformWorkspaces': 'Terraform workspaces of this environment.',
  'environments[].databaseHosts': 'Database hosts of this environment.',
  'environments[].stackPatterns': 'Glob patterns for stack, release or resource names, e.g. `*-prod`.',
  'environments[].actions': 'Per destructive action (e.g. `terraform-destroy`): `allow`, `ask` or `deny` against this non-production environment; production always denies.',
  'freezes[].id': 'Freeze id.',
  'freezes[].reason': 'Why deploys are frozen.',
  'freezes[].from': 'Start of a one-off window (ISO 8601 date-time).',
  'freezes[].until': 'End of a one-off window (ISO 8601 date-time).',
  'freezes[].weekly': 'Recurring window, e.g. `{ start: "FRI 16:00", end: "MON 08:00" }`.',
  'freezes[].timezone': 'IANA time zone of `weekly`, e.g. `Europe/Berlin`.',
  'freezes[].scope': 'Which orgs, systems or tiers the freeze covers (all when empty).',
  'freezes[].weekly.start': 'Weekday and time the window opens, e.g. `FRI 16:00`.',
  'freezes[].weekly.end': 'Weekday and time the window closes, e.g. `MON 08:00`.',
  'freezes[].scope.orgs': 'Orgs (as in `systems[].org`) the freeze covers.',
  'freezes[].scope.systems': 'System ids the freeze covers.',
  'freezes[].scope.tiers': 'Tiers the freeze covers.',
  'policy.tiers': 'Overrides per tier, keyed `1`, `2`, `3`.',
  'review.provider': 'LLM provider of the agentic reviewer, or `command` for your own executable.',
  'review.model': 'Model name.',
  'review.baseUrl': 'API base URL (for gateways and compatible servers).',
  'review.timeoutSeconds': 'Timeout of one review call.',
  'review.maxRetries': 'Retries after a failed call.',
  'review.tokenBudget': 'Upper bound of tokens per review.',
};

type JsonSchemaNode = Record<string, unknown>;

/** The catalog's JSON Schema (draft 2020-12) describing what may be written in `tollgate.yaml`. */
export function assembleCatalogJsonSchema(): JsonSchemaNode {
  // `io: 'input'`: fields with defaults are optional for the author of the file.
  const generated = z.toJSONSchema(catalogSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchemaNode;
  addDescriptions(generated, '');
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CATALOG_SCHEMA_ID,
    title: 'Tollgate catalog (tollgate.yaml)',
    description: 'Systems with tiers, owners and paths; people and teams; the friction policy and rule settings.',
    ...rest,
  };
}

/** The schema file's exact text, as committed in `schema/tollgate.schema.json`. */
export function catalogJsonSchemaText(): string {
  return `${JSON.stringify(assembleCatalogJsonSchema(), null, 2)}\n`;
}

function addDescriptions(node: JsonSchemaNode, path: string): void {
  const description = DESCRIPTIONS[path];
  if (description !== undefined && node.description === undefined) node.description = description;
  const properties = node.properties as Record<string, JsonSchemaNode> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) addDescriptions(child, path ? `${path}.${key}` : key);
  if (isNode(node.items)) addDescriptions(node.items, `${path}[]`);
  if (isNode(node.additionalProperties)) addDescriptions(node.additionalProperties, `${path}.*`);
}

function isNode(value: unknown): value is JsonSchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
