import { describe, expect, it } from 'vitest';
import type { Rule } from './rule.js';
import { BUILTIN_RULE_IDS, BUILTIN_RULES, evaluateRules, runRules, selectRules } from './index.js';
import { addedFile, buildArtifact, buildCatalog, buildChange, buildRuleInput, deletedFile } from './test-builders.js';

describe('the rule pack', () => {
  it('has one rule per id, in the documented order, each with a one-line description', () => {
    expect(BUILTIN_RULES.map((rule) => rule.id)).toEqual([...BUILTIN_RULE_IDS]);
    for (const rule of BUILTIN_RULES) {
      expect(rule.description).not.toContain('\n');
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.description.length).toBeLessThanOrEqual(140);
      expect(rule.settingsSchema.safeParse({}).success).toBe(true);
    }
  });

  it('selectRules leaves out disabled rules and ignores unknown ids', () => {
    const catalog = buildCatalog({ rules: { disable: ['secrets', 'change-size', 'no-such-rule'] } });
    expect(selectRules(catalog).map((rule) => rule.id)).toEqual(BUILTIN_RULE_IDS.filter((id) => id !== 'secrets' && id !== 'change-size'));
  });
});

describe('evaluateRules', () => {
  const plan = JSON.stringify({
    format_version: '1.2',
    planned_values: {},
    resource_changes: [{ address: 'aws_db_instance.orders', mode: 'managed', type: 'aws_db_instance', name: 'orders', change: { actions: ['delete', 'create'] } }],
  });
  const change = buildChange(
    [
      addedFile('infra/prod.plan.json', plan),
      addedFile('services/checkout/test/price.test.ts', [`it.${'skip'}('x', () => {});`]),
      deletedFile('services/checkout/test/tax.test.ts', 10),
    ],
    { artifacts: [buildArtifact('terraform-plan', 'infra/prod.plan.json', plan)] },
  );
  const catalog = buildCatalog({ systems: [{ id: 'checkout', tier: 1, paths: ['services/checkout/**'] }] });

  it('runs the enabled rules with their settings, most severe first', async () => {
    const findings = await evaluateRules({ change, catalog, systems: buildRuleInput(change, catalog).systems });
    expect(findings.map((f) => [f.severity, f.rule, f.file])).toEqual([
      ['critical', 'infra-destroy', 'infra/prod.plan.json'],
      ['high', 'tests-weakened', 'services/checkout/test/price.test.ts'],
      ['high', 'tests-weakened', 'services/checkout/test/tax.test.ts'],
    ]);
    const tuned = buildCatalog({ ...catalogSections(catalog), rules: { disable: ['tests-weakened'], settings: { 'infra-destroy': { ignoreTypes: ['aws_db_*'] } } } });
    expect(await evaluateRules({ change, catalog: tuned, systems: buildRuleInput(change, tuned).systems })).toEqual([]);
  });

  it('turns a rule that throws into a high finding and keeps the other rules', async () => {
    const broken: Rule = { id: 'broken', description: 'throws', evaluate: () => { throw new Error('boom\nstack'); } };
    const rejecting: Rule = { id: 'rejecting', description: 'rejects', evaluate: () => Promise.reject(new Error('wasm failed to load')) };
    const fine: Rule = { id: 'fine', description: 'ok', evaluate: () => [{ rule: 'fine', severity: 'low', message: 'ok' }] };
    const findings = await runRules([broken, rejecting, fine], { change, catalog, systems: buildRuleInput(change, catalog).systems });
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['broken', 'high', 'rule failed: boom'],
      ['rejecting', 'high', 'rule failed: wasm failed to load'],
      ['fine', 'low', 'ok'],
    ]);
  });
});

function catalogSections(catalog: ReturnType<typeof buildCatalog>) {
  return { systems: catalog.systems };
}
