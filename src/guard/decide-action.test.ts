/**
 * @module Decisions on non-shell tools (file writes, MCP and cloud calls) and the one-time approvals that
 * turn an ask or a deny into an allow for exactly one action.
 */
import { describe, expect, it } from 'vitest';
import { actionDigest, decideAction, normalizeCommand } from './decide-action.js';
import { TEST_HOME, TEST_ROOT, testContext } from './guard-test-builders.js';
import type { AgentAction, GuardGrant } from './guard-types.js';
import { lexPlainCommand } from './shell/lex-plain-command.js';
import type { ShellParser } from './shell/shell-syntax.js';

const shell: ShellParser = {
  parse(source) {
    const script = lexPlainCommand(source);
    if (!script) throw new Error(`not plain: ${source}`);
    return script;
  },
};

describe('file writes by non-shell tools', () => {
  it.each([
    ['src/app.ts', 'allow'],
    [`${TEST_ROOT}/tollgate.yaml`, 'ask'],
    ['.github/workflows/deploy.yml', 'ask'],
    ['.git/hooks/pre-commit', 'ask'],
    ['.claude/settings.json', 'ask'],
    [`${TEST_HOME}/.claude/settings.json`, 'ask'],
    [`${TEST_HOME}/.gitconfig`, 'ask'],
    [`${TEST_HOME}/.config/git/config`, 'ask'],
    ['.tollgate/guard-grants/TG-AAAA-BBBB.json', 'deny'],
    ['services/payments/ledger.ts', 'ask'],
    ['services/search/index.ts', 'allow'],
    ['/etc/hosts', 'allow'],
  ])('writing %s → %s', (path, expected) => {
    const decision = decideAction({ kind: 'file-write', tool: 'Write', paths: [path] }, testContext(shell, { tier1Critical: ['services/payments/**'] }));
    expect(decision.decision).toBe(expected);
    if (expected !== 'allow') expect(decision.reasons[0]).toMatch(/`Write` writes/);
  });
});

/** `value` wrapped in `depth` levels of objects. */
function nested(depth: number, value: Record<string, unknown>): Record<string, unknown> {
  let result = value;
  for (let level = 0; level < depth; level++) result = { inner: result };
  return result;
}

describe('MCP and cloud tools', () => {
  it.each([
    ['a long array before the SQL', { params: Array.from({ length: 6000 }, () => 'x'), sql: 'DROP TABLE users', host: 'prod-db' }, 'deny'],
    ['more values than the guard reads', { items: Array.from({ length: 6000 }, (_, i) => `note ${i}`) }, 'ask'],
    ['a command nested 40 levels deep', nested(40, { command: 'kubectl --context prod-eu delete ns orders' }), 'ask'],
    ['a command nested 10 levels deep', nested(10, { command: 'kubectl --context prod-eu delete ns orders' }), 'deny'],
  ])('reads a large input in full or leaves it to a person: %s → %s', (_name, input, expected) => {
    expect(decideAction({ kind: 'tool', tool: 'mcp__shell__run', input }, testContext(shell, { catalog: true })).decision).toBe(expected);
  });

  it.each([
    ['mcp__github__create_issue', { title: 'x' }, 'allow'],
    ['mcp__db__drop_table', { table: 'users' }, 'ask'],
    ['mcp__db__drop_table', { table: 'users', database: 'orders_prod' }, 'deny'],
    ['mcp__k8s__deleteNamespace', { name: 'orders', context: 'kind-staging' }, 'allow'],
    ['mcp__postgres__query', { sql: 'SELECT 1' }, 'allow'],
    ['mcp__postgres__query', { sql: 'DROP TABLE users' }, 'ask'],
    ['use_aws', { service_name: 'dynamodb', operation_name: 'delete-table', profile_name: 'prod' }, 'deny'],
    ['use_aws', { service_name: 'dynamodb', operation_name: 'DeleteTable', profile_name: 'dev' }, 'ask'],
    ['mcp__shell__run', { command: 'rm -rf /' }, 'deny'],
    ['Read', { file_path: '/etc/passwd' }, 'allow'],
    ['mcp__redis__flushall', { host: 'prod-cache' }, 'deny'],
    ['mcp__redis__flushdb', {}, 'ask'],
    ['mcp__db__bulkdelete', { table: 'orders' }, 'ask'],
    ['mcp__ui__dropdown_select', { option: 'x' }, 'allow'],
    ['mcp__cfg__preset_apply', { name: 'x' }, 'allow'],
    // Input the guard cannot read in full is left to a person, whatever it says.
  ])('%s %j → %s', (tool, input, expected) => {
    expect(decideAction({ kind: 'tool', tool, input }, testContext(shell, { catalog: true })).decision).toBe(expected);
  });
});

it("follows a git alias from git's configuration inside an MCP shell tool's command", () => {
  const context = testContext(shell, { gitAliases: { pf: 'push --force' } });
  expect(decideAction({ kind: 'tool', tool: 'mcp__shell__run', input: { command: 'git pf origin main' } }, context).decision).toBe('deny');
  expect(decideAction({ kind: 'tool', tool: 'mcp__shell__run', input: { command: 'git pf origin feature/x' } }, context).decision).toBe('allow');
});

describe('one-time approvals', () => {
  const action: AgentAction = { kind: 'shell', command: 'terraform destroy' };
  const context = testContext(shell);
  const grant = (overrides: Partial<GuardGrant> = {}): GuardGrant => ({
    id: 'TG-TEST-0001', digest: actionDigest(action), approvedBy: 'carol', approvedAt: context.now - 60_000, expiresAt: context.now + 60_000, ...overrides,
  });

  it('allows exactly the approved command while the approval is live, and says who approved it', () => {
    const decision = decideAction(action, { ...context, grants: [grant()] });
    expect(decision).toMatchObject({ decision: 'allow', grant: { id: 'TG-TEST-0001' } });
    expect(decision.reasons[0]).toMatch(/carol approved this exact command/);
  });

  it.each([
    ['expired', { expiresAt: context.now - 1 }],
    ['for another command', { digest: actionDigest({ kind: 'shell', command: 'terraform destroy -auto-approve' }) }],
    ['from the future', { approvedAt: context.now + 1000 }],
  ])('ignores an approval %s', (_, overrides) => {
    expect(decideAction(action, { ...context, grants: [grant(overrides)] }).decision).toBe('ask');
  });

  it('binds to the normalised command: full-width letters, zero-width characters and CRLF do not change it', () => {
    expect(normalizeCommand('ｔｅｒｒａｆｏｒｍ\u200b destroy\r\n')).toBe('terraform destroy');
    expect(actionDigest({ kind: 'shell', command: ' terraform destroy ' })).toBe(actionDigest(action));
  });
});

describe('commands of many parts', () => {
  const context = testContext(shell, { catalog: true });
  const tail = 'kubectl --context prod-eu delete ns orders';

  it('follows thousands of commands that set variables, and still finds the destructive one', () => {
    const decision = decideAction({ kind: 'shell', command: `${'A=1; true; '.repeat(4000)}${tail}` }, context);
    expect(decision.decision).toBe('deny');
  });

  it('reads a variable used by thousands of commands once, and still finds the destructive one', () => {
    // Every `echo $A` looked its variable up in the whole script's list: 30,000 commands took 7 s.
    const decision = decideAction({ kind: 'shell', command: `${'A=1; echo $A; '.repeat(15_000)}${tail}` }, context);
    expect(decision.decision).toBe('deny');
  });

  it('leaves more commands than it follows to a person', () => {
    // 440 KB; before the limit, every command copied every variable: out of memory after 24 s.
    const decision = decideAction({ kind: 'shell', command: `${'A=1; true; '.repeat(40_000)}${tail}` }, context);
    expect(decision.decision).toBe('ask');
    expect(decision.reasons.join('\n')).toMatch(/more than 20000 commands/);
  });
});
