/**
 * @module The catalog's `rules` section checked against the rule pack: unknown ids, bad settings, clashing custom ids.
 *
 * Used by the catalog validator, so a typo in `rules.disable` or `rules.settings` is a clear
 * configuration error (exit 2) rather than a rule that silently keeps or loses its effect.
 */
import type { CatalogIssue } from '../core/catalog/catalog-error.js';
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { suggestKey } from '../core/catalog/suggest-key.js';
import { BUILTIN_RULES } from './builtin-rules.js';
import { listSettingsIssues } from './parse-rule-settings.js';
import { BUILTIN_RULE_IDS } from './rule-ids.js';

const SCHEMAS = new Map(BUILTIN_RULES.map((rule) => [rule.id, rule.settingsSchema]));

/**
 * Problems in a validated catalog's `rules` section, located by field path.
 *
 * @example checkRulesConfig({ ...rules, disable: ['secret'] })
 * // => [{ path: ['rules', 'disable', 0], message: 'unknown rule id `secret`; did you mean `secrets`?' }]
 */
export function checkRulesConfig(rules: Catalog['rules']): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const builtin: readonly string[] = BUILTIN_RULE_IDS;
  const customIds = rules.custom.map((rule) => rule.id);
  const known = [...builtin, ...customIds];
  const unknown = (id: string): string => {
    const suggestion = suggestKey(id, known);
    return `unknown rule id \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ` (rules: ${builtin.join(', ')})`}`;
  };
  rules.disable.forEach((id, i) => {
    if (!known.includes(id)) issues.push({ path: ['rules', 'disable', i], message: unknown(id) });
  });
  for (const id of Object.keys(rules.enforcement)) {
    if (!known.includes(id)) issues.push({ path: ['rules', 'enforcement', id], message: unknown(id), at: 'key' });
  }
  for (const [id, settings] of Object.entries(rules.settings)) {
    const schema = SCHEMAS.get(id);
    if (!schema) {
      issues.push({ path: ['rules', 'settings', id], message: customIds.includes(id) ? `custom rule \`${id}\` has no settings` : unknown(id), at: 'key' });
      continue;
    }
    for (const issue of listSettingsIssues(schema, settings)) issues.push({ path: ['rules', 'settings', id, ...issue.path], message: issue.message });
  }
  const seen = new Set<string>();
  customIds.forEach((id, i) => {
    if (builtin.includes(id)) issues.push({ path: ['rules', 'custom', i, 'id'], message: `custom rule id \`${id}\` is the id of a built-in rule; choose another` });
    else if (seen.has(id)) issues.push({ path: ['rules', 'custom', i, 'id'], message: `custom rule id \`${id}\` is used twice` });
    seen.add(id);
  });
  return issues;
}
