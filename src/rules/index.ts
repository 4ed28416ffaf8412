/**
 * @module The built-in rule pack: every rule, which of them a catalog enables, and running them.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import type { SystemIndex, SystemMatch } from '../core/catalog/system-index.js';
import { compareFindings, type Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { BUILTIN_RULES } from './builtin-rules.js';
import type { Rule, RuleInput } from './rule.js';

export type { BuiltinRule } from './builtin-rule.js';
export { BUILTIN_RULES } from './builtin-rules.js';
export { BUILTIN_RULE_IDS, type BuiltinRuleId } from './rule-ids.js';
export { checkRulesConfig } from './check-rules-config.js';

/** The built-in rules the catalog does not list in `rules.disable`. Unknown ids there are the validator's concern (`checkRulesConfig`). */
export function selectRules(catalog: Catalog): BuiltinRule[] {
  const disabled = new Set(catalog.rules.disable);
  return BUILTIN_RULES.filter((rule) => !disabled.has(rule.id));
}

/**
 * Runs every enabled rule with its `rules.settings.<id>` and returns all findings, most severe first.
 * A rule that throws does not lose the others: its failure becomes a `high` finding (fail toward friction).
 *
 * @example const findings = await evaluateRules({ change, catalog, systems: buildSystemIndex(catalog) });
 */
export function evaluateRules(input: Omit<RuleInput, 'settings'>): Promise<Finding[]> {
  return runRules(selectRules(input.catalog), input);
}

/** Runs the given rules (see `evaluateRules`); exported for tests of the failure handling. */
export async function runRules(rules: readonly Rule[], input: Omit<RuleInput, 'settings'>): Promise<Finding[]> {
  const systems = memoizeSystems(input.systems);
  const results = await Promise.all(
    rules.map(async (rule): Promise<Finding[]> => {
      try {
        return await rule.evaluate({ ...input, systems, settings: input.catalog.rules.settings[rule.id] ?? {} });
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        return [{ rule: rule.id, severity: 'high', message: `rule failed: ${reason}`, remediation: 'report this as a bug; until it is fixed the change needs a careful human review' }];
      }
    }),
  );
  return results.flat().sort(compareFindings);
}

/** Several rules ask which systems claim the same paths; answer each path once per evaluation. */
function memoizeSystems(systems: SystemIndex): SystemIndex {
  const matches = new Map<string, SystemMatch[]>();
  const match = (path: string): SystemMatch[] => {
    let found = matches.get(path);
    if (!found) matches.set(path, (found = systems.match(path)));
    return found;
  };
  return {
    ...systems,
    defaultTier: systems.defaultTier,
    match,
    tierOf(path) {
      const found = match(path);
      if (found.length === 0) return systems.defaultTier;
      let tier = found[0]!.system.tier;
      for (const m of found) if (m.system.tier < tier) tier = m.system.tier;
      return tier;
    },
  };
}
