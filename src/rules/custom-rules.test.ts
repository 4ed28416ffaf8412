import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { customRulesRule } from './custom-rules.js';
import { addedFile, buildCatalog, buildChange, buildRuleInput, modifiedFile } from './test-builders.js';

const sleepRule = { id: 'no-sleep-in-pricing', paths: ['services/checkout/**'], added: 'Thread\\.sleep', severity: 'high', message: 'no sleeping in the pricing path', remediation: 'use a scheduler' };
const run = (files: ChangedFile[], custom: unknown[] = [sleepRule], extra: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) =>
  customRulesRule.evaluate(buildRuleInput(buildChange(files), buildCatalog({ rules: { custom, ...extra } }), settings));

describe('custom-rules', () => {
  it('reports each matching added line in matching paths with the rule id, severity and message', async () => {
    const findings = await run([
      addedFile('services/checkout/Pricer.java', ['class Pricer {', '  void f() { Thread.sleep(100); }', '}']),
      modifiedFile('services/checkout/Cart.java', '@@ -1,1 +1,1 @@\n-Thread.sleep(1);\n+Thread.yield();'),
      addedFile('services/search/Index.java', ['Thread.sleep(5);']),
    ]);
    expect(findings).toEqual([
      {
        rule: 'no-sleep-in-pricing',
        severity: 'high',
        message: 'no sleeping in the pricing path',
        file: 'services/checkout/Pricer.java',
        line: 2,
        evidence: 'Thread.sleep',
        remediation: 'use a scheduler',
      },
    ]);
  });

  it.each([
    ['case-insensitive flag', '(?i)todo: remove before launch', '// TODO: Remove before launch', true],
    ['anchors', '^\\s*console\\.log\\(', '  console.log(x)', true],
    ['anchors (no match)', '^\\s*console\\.log\\(', 'logger.info(console.log)', false],
    ['character classes', 'http://[a-z0-9.-]+\\.internal', 'const u = "http://billing.internal/x"', true],
  ])('supports RE2 syntax: %s', async (_name, pattern, line, matches) => {
    const findings = await run([addedFile('a.ts', [line])], [{ id: 'c', added: pattern, severity: 'low', message: 'm' }]);
    expect(findings.length).toBe(matches ? 1 : 0);
  });

  it('stays linear on a 50,000-character line with a catastrophic-backtracking pattern', async () => {
    const line = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    const findings = await run([addedFile('a.txt', [line, line])], [{ id: 'redos', added: '(a+)+$', severity: 'high', message: 'm' }]);
    expect(findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('turns a pattern RE2 rejects into a high finding instead of skipping the rule', async () => {
    const findings = await run([addedFile('a.ts', ['x'])], [{ id: 'backref', added: '(a)\\1', severity: 'low', message: 'm' }]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'backref', severity: 'high' })]);
    expect(findings[0]?.message).toMatch(/^custom rule `backref` cannot run: `\(a\)\\1` is not a valid linear-time \(RE2\) regex: /);
  });

  it('skips custom rules listed in rules.disable, and binary files', async () => {
    expect(await run([addedFile('services/checkout/a.java', ['Thread.sleep(1)'])], [sleepRule], { disable: ['no-sleep-in-pricing'] })).toEqual([]);
    const binary = { ...addedFile('services/checkout/a.class', ['Thread.sleep(1)']), binary: true };
    expect(await run([binary])).toEqual([]);
  });

  it('caps findings per rule and says how many more matched', async () => {
    const file = addedFile('services/checkout/a.java', Array.from({ length: 5 }, () => 'Thread.sleep(1);'));
    const findings = await run([file], [sleepRule], {}, { maxFindingsPerRule: 2 });
    expect(findings.map((f) => f.message)).toEqual(['no sleeping in the pricing path', 'no sleeping in the pricing path', 'no sleeping in the pricing path (3 more matches not listed)']);
  });

  it('reports nothing without custom rules', async () => {
    expect(await run([addedFile('a.ts', ['Thread.sleep(1)'])], [])).toEqual([]);
  });
});
