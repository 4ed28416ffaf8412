import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { destructiveAction, parseTerraformPlan } from './terraform-plan.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/terraform/${name}`, import.meta.url), 'utf8');

describe('parseTerraformPlan', () => {
  it('reads every resource change of a real-shaped plan, ignoring drift', () => {
    const { plan, error } = parseTerraformPlan(fixture('replace-database.plan.json'));
    expect(error).toBeUndefined();
    expect(plan?.formatVersion).toBe('1.2');
    expect(plan?.terraformVersion).toBe('1.9.5');
    expect(plan?.errored).toBe(false);
    expect(plan?.resourceChanges.map((rc) => [rc.address, rc.actions.join(','), rc.actionReason])).toEqual([
      ['aws_db_instance.orders', 'delete,create', 'replace_because_cannot_update'],
      ['aws_instance.worker[0]', 'delete', 'delete_because_count_index'],
      ['aws_lb.public', 'create,delete', 'replace_because_cannot_update'],
      ['aws_security_group_rule.orders_ingress', 'update', undefined],
      ['data.aws_caller_identity.current', 'read', 'read_because_config_unknown'],
      ['aws_s3_bucket.logs', 'no-op', undefined],
    ]);
    expect(plan?.resourceChanges[0]).toMatchObject({ mode: 'managed', type: 'aws_db_instance', name: 'orders', providerName: 'registry.terraform.io/hashicorp/aws' });
  });

  it('reads a plan without changes (terraform omits resource_changes)', () => {
    expect(parseTerraformPlan(fixture('no-changes.plan.json')).plan?.resourceChanges).toEqual([]);
  });

  it('keeps the errored flag and previous addresses', () => {
    expect(parseTerraformPlan(fixture('errored.plan.json')).plan?.errored).toBe(true);
    expect(parseTerraformPlan(fixture('create-only.plan.json')).plan?.resourceChanges[2]?.previousAddress).toBe('aws_iam_role.old');
  });

  it.each([
    ['malformed JSON with its line', '{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}', /^invalid JSON at line 3: /],
    ['empty content', '', /^invalid JSON: unexpected end of json input/],
    ['a JSON array', '[]', /^not a terraform plan: expected a JSON object/],
    ['JSON without format_version', '{"resource_changes": []}', /^not a terraform plan: no `format_version`/],
    ['a state file', fixture('state.json'), /^a terraform state, not a plan/],
    ['an unsupported major version', '{"format_version":"2.0","planned_values":{}}', /^unsupported plan `format_version` `2.0`/],
    ['a resource change without actions', '{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{}}]}', /^unexpected plan shape at `resource_changes\[0\]\.change\.actions`/],
    ['a wrong type', '{"format_version":1.2,"planned_values":{}}', /^unexpected plan shape at `format_version`/],
  ])('rejects %s with a message naming where', (_name, content, message) => {
    const result = parseTerraformPlan(content);
    expect(result.plan).toBeUndefined();
    expect(result.error).toMatch(message);
  });

  it('parses a plan of tens of megabytes', () => {
    const resources = Array.from({ length: 40_000 }, (_, i) => ({
      address: `aws_instance.fleet[${i}]`,
      mode: 'managed',
      type: 'aws_instance',
      name: 'fleet',
      index: i,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: i % 1000 === 0 ? ['delete'] : ['update'], before: { tags: { n: String(i) }, user_data: 'x'.repeat(400) }, after: { tags: { n: String(i + 1) } }, after_unknown: {} },
    }));
    const content = JSON.stringify({ format_version: '1.2', planned_values: {}, resource_changes: resources });
    expect(content.length).toBeGreaterThan(20_000_000);
    const { plan } = parseTerraformPlan(content);
    expect(plan?.resourceChanges).toHaveLength(40_000);
    expect(plan?.resourceChanges.filter((rc) => destructiveAction(rc.actions))).toHaveLength(40);
  });
});

describe('destructiveAction', () => {
  it.each([
    [['delete'], 'delete'],
    [['delete', 'create'], 'delete-then-create'],
    [['create', 'delete'], 'create-then-delete'],
    [['create'], undefined],
    [['update'], undefined],
    [['no-op'], undefined],
    [['read'], undefined],
    [['forget'], undefined],
    [['create', 'forget'], undefined],
  ])('%j -> %s', (actions, expected) => {
    expect(destructiveAction(actions)).toBe(expected);
  });
});
