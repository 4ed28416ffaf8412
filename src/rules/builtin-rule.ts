/**
 * @module A built-in rule: the `Rule` contract plus the schema of its `rules.settings.<id>`.
 */
import type * as z from 'zod';
import type { Rule } from './rule.js';

/**
 * A rule shipped with Tollgate. Its settings schema is exported so the catalog validator can
 * reject bad settings at load time; every field has a default, so `{}` is always valid.
 */
export interface BuiltinRule extends Rule {
  settingsSchema: z.ZodType<Record<string, unknown>>;
}
