/**
 * @module The catalog (`tollgate.yaml`): systems with tiers, people, teams, policy and rule settings.
 *
 * This zod schema is the single definition of the public contract: the loader validates with it
 * and `schema/tollgate.schema.json` is generated from it for editor completion.
 */
import * as z from 'zod';
import { environmentsSchema } from './environments-schema.js';
import { freezesSchema } from './freezes-schema.js';
import { enforcementSchema, policySchema } from './policy-schema.js';
import { reviewSchema } from './review-schema.js';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, `.`, `_` and `-`');
const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);

export const personSchema = z.strictObject({
  id,
  name: z.string().optional(),
  emails: z.array(z.string().min(3)).default([]),
  github: z.string().optional(),
  /** An AI identity (agent or bot): its changes are AI-authored and it can never approve. */
  ai: z.boolean().default(false),
  /** Roles such as `director`, `vp`, `guardrail-owner`; informational except where policy names them. */
  roles: z.array(z.string()).default([]),
  /** SSH public keys (`ssh-ed25519 AAAA…`) that may sign this person's approvals. */
  keys: z.array(z.string()).default([]),
});
export type CatalogPerson = z.infer<typeof personSchema>;

export const systemSchema = z.strictObject({
  id,
  name: z.string().optional(),
  description: z.string().optional(),
  tier,
  org: z.string().optional(),
  /** Team or person ids. */
  owners: z.array(z.string()).default([]),
  director: z.string().optional(),
  vp: z.string().optional(),
  /** Globs (picomatch) of repo-relative paths that belong to this system. */
  paths: z.array(z.string().min(1)).min(1),
  /** Globs of paths inside the system whose changes are critical. */
  critical: z.array(z.string().min(1)).default([]),
});
export type CatalogSystem = z.infer<typeof systemSchema>;

export const customRuleSchema = z.strictObject({
  id,
  description: z.string().optional(),
  paths: z.array(z.string().min(1)).default(['**']),
  /** Linear-time (RE2) regular expression matched against each added line. */
  added: z.string().min(1),
  severity,
  message: z.string().min(1),
  remediation: z.string().optional(),
});
export type CustomRule = z.infer<typeof customRuleSchema>;

export const rulesSchema = z.strictObject({
  disable: z.array(z.string()).default([]),
  /** Per-rule enforcement; `evaluate` reports a rule's effect without failing the gate. */
  enforcement: z.record(z.string(), enforcementSchema).default({}),
  /** Per-rule settings, keyed by rule id; each rule documents its own keys. */
  settings: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  custom: z.array(customRuleSchema).default([]),
});

export const aiMarkersSchema = z.strictObject({
  /** Extra commit-author/committer/co-author emails that mark AI tools (globs). */
  emails: z.array(z.string()).default([]),
  /** Extra branch prefixes of agent branches, e.g. `agent/`. */
  branchPrefixes: z.array(z.string()).default([]),
  /** Extra trailer keys whose presence marks AI assistance, e.g. `X-Generated-By`. */
  trailers: z.array(z.string()).default([]),
});

export const guardrailsSchema = z.strictObject({
  /** Team or person ids who must approve changes to guardrails (CI config, CODEOWNERS, tollgate.yaml). */
  owners: z.array(z.string()).default([]),
  /** Extra guardrail path globs beyond the built-in ones. */
  paths: z.array(z.string()).default([]),
});

export const catalogSchema = z.strictObject({
  version: z.literal(1),
  defaults: z.strictObject({ tier: tier.default(3) }).default({ tier: 3 }),
  people: z.array(personSchema).default([]),
  /** Team id -> member person ids. */
  teams: z.record(z.string(), z.array(z.string())).default({}),
  systems: z.array(systemSchema).default([]),
  policy: policySchema.default({}),
  rules: rulesSchema.default({ disable: [], enforcement: {}, settings: {}, custom: [] }),
  guardrails: guardrailsSchema.default({ owners: [], paths: [] }),
  ai: aiMarkersSchema.default({ emails: [], branchPrefixes: [], trailers: [] }),
  environments: environmentsSchema.default([]),
  freezes: freezesSchema.default([]),
  review: reviewSchema.optional(),
});

/** A validated catalog, with every default filled in. */
export type Catalog = z.infer<typeof catalogSchema>;
export type Tier = CatalogSystem['tier'];

/** The catalog used when a repository has none: everything is tier 3 and nobody is known. */
export function emptyCatalog(): Catalog {
  return catalogSchema.parse({ version: 1 });
}
