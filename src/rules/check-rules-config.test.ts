import { describe, expect, it } from 'vitest';
import { checkRulesConfig } from './check-rules-config.js';
import { buildCatalog } from './test-builders.js';

const check = (rules: Record<string, unknown>) => checkRulesConfig(buildCatalog({ rules }).rules);

describe('checkRulesConfig', () => {
  it('accepts a valid rules section', () => {
    expect(
      check({
        disable: ['change-size', 'no-sleep'],
        enforcement: { secrets: 'evaluate', 'no-sleep': 'enforce' },
        settings: { 'change-size': { maxChangedLines: { 1: 300 }, highFactor: 3 }, secrets: { ignorePaths: ['test/fixtures/**'] } },
        custom: [{ id: 'no-sleep', added: 'sleep\\(', severity: 'low', message: 'm' }],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ disable: ['secret'] }, [{ path: ['rules', 'disable', 0], message: 'unknown rule id `secret`; did you mean `secrets`?' }]],
    [{ disable: ['zzz'] }, [{ path: ['rules', 'disable', 0], message: expect.stringMatching(/^unknown rule id `zzz` \(rules: infra-destroy, sql-destructive, /) }]],
    [{ enforcement: { 'sql-destrutive': 'evaluate' } }, [{ path: ['rules', 'enforcement', 'sql-destrutive'], at: 'key', message: 'unknown rule id `sql-destrutive`; did you mean `sql-destructive`?' }]],
    [{ settings: { 'change-sise': {} } }, [{ path: ['rules', 'settings', 'change-sise'], at: 'key', message: 'unknown rule id `change-sise`; did you mean `change-size`?' }]],
    [{ settings: { 'change-size': { highFactr: 2 } } }, [{ path: ['rules', 'settings', 'change-size', 'highFactr'], message: 'unknown setting; did you mean `highFactor`?' }]],
    [{ settings: { 'mass-deletion': { fileRatio: 'most' } } }, [{ path: ['rules', 'settings', 'mass-deletion', 'fileRatio'], message: 'invalid input: expected number, received string' }]],
    [
      { custom: [{ id: 'secrets', added: 'x', severity: 'low', message: 'm' }, { id: 'a', added: 'x', severity: 'low', message: 'm' }, { id: 'a', added: 'y', severity: 'low', message: 'm' }] },
      [
        { path: ['rules', 'custom', 0, 'id'], message: 'custom rule id `secrets` is the id of a built-in rule; choose another' },
        { path: ['rules', 'custom', 2, 'id'], message: 'custom rule id `a` is used twice' },
      ],
    ],
    [{ custom: [{ id: 'mine', added: 'x', severity: 'low', message: 'm' }], settings: { mine: {} } }, [{ path: ['rules', 'settings', 'mine'], at: 'key', message: 'custom rule `mine` has no settings' }]],
  ])('reports %j', (rules, issues) => {
    expect(check(rules)).toEqual(issues);
  });
});
