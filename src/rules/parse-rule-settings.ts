/**
 * @module A rule's `rules.settings.<id>`, checked against the schema the rule documents.
 *
 * Bad settings never crash a rule and never silently loosen it: the rule runs with its documented
 * defaults and reports a finding that names the bad field, so the catalog gets fixed.
 */
import type * as z from 'zod';
import { suggestKey } from '../core/catalog/suggest-key.js';
import type { Finding } from '../core/finding.js';

/** The settings a rule runs with, and a finding per problem with what the catalog gave. */
export interface ParsedRuleSettings<T> {
  settings: T;
  findings: Finding[];
}

/** One problem in a rule's settings: the path inside `rules.settings.<id>` and what is wrong. */
export interface SettingsIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Validates `raw` with `schema` (whose every field has a default). On failure the defaults apply and
 * each issue becomes a `high` finding naming `rules.settings.<id>.<field>`.
 *
 * @example parseRuleSettings('change-size', schema, { highFactr: 2 }).findings[0]?.message
 * // => 'invalid `rules.settings.change-size.highFactr`: unknown setting; did you mean `highFactor`?; using the defaults'
 */
export function parseRuleSettings<S extends z.ZodType>(ruleId: string, schema: S, raw: Record<string, unknown>): ParsedRuleSettings<z.output<S>> {
  const parsed = schema.safeParse(raw, { jitless: true });
  if (parsed.success) return { settings: parsed.data, findings: [] };
  const findings: Finding[] = describeIssues(schema, parsed.error.issues).map((issue) => {
    const field = ['rules.settings', ruleId, ...issue.path].join('.');
    return {
      rule: ruleId,
      severity: 'high',
      message: `invalid \`${field}\`: ${issue.message}; using the defaults`,
      remediation: `fix \`${field}\` in the catalog (see docs/rules.md#${ruleId})`,
    };
  });
  return { settings: schema.parse({}), findings };
}

/** Issues in `raw` settings for the catalog validator (empty when valid). */
export function listSettingsIssues(schema: z.ZodType, raw: unknown): SettingsIssue[] {
  const parsed = schema.safeParse(raw, { jitless: true });
  return parsed.success ? [] : describeIssues(schema, parsed.error.issues);
}

/** One issue per bad field; unknown keys get their own path and a "did you mean". */
function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): SettingsIssue[] {
  const topKeys = 'shape' in schema && schema.shape !== null && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];
  return issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const suggestion = path.length === 0 ? suggestKey(key, topKeys) : undefined;
        const hint = suggestion ? `; did you mean \`${suggestion}\`?` : topKeys.length > 0 && path.length === 0 ? ` (known: ${topKeys.join(', ')})` : '';
        return { path: [...path, key], message: `unknown setting${hint}` };
      });
    }
    return [{ path, message: issue.message.charAt(0).toLowerCase() + issue.message.slice(1) }];
  });
}
