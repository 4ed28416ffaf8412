import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Artifact, ChangedFile } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import { infraDestroyRule } from './infra-destroy.js';
import { addedFile, buildArtifact, buildChange, buildRuleInput, fileFromContents, modifiedFile, renamedFile } from './test-builders.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/terraform/${name}`, import.meta.url), 'utf8');

async function run(artifacts: Artifact[], files: ChangedFile[] = [], settings: Record<string, unknown> = {}) {
  const change = buildChange(files.length > 0 ? files : artifacts.map((a) => addedFile(a.path, a.content ?? '')), { artifacts });
  return infraDestroyRule.evaluate(buildRuleInput(change, undefined, settings));
}

const plan = (name: string, path = `infra/${name}`): Artifact => buildArtifact('terraform-plan', path, fixture(name));

const planWith = (...changes: { address: string; type: string; actions: string[]; mode?: string }[]): Artifact =>
  buildArtifact(
    'terraform-plan',
    'plan.json',
    JSON.stringify({
      format_version: '1.2',
      planned_values: {},
      resource_changes: changes.map((c) => ({ mode: 'managed', name: c.address.split('.').pop(), ...c, change: { actions: c.actions } })),
    }),
  );

describe('infra-destroy: plans', () => {
  it('reports the replaced database as critical, other deletions as high, and nothing else', async () => {
    const findings = await run([plan('replace-database.plan.json')]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['critical', 'aws_db_instance.orders will be deleted and re-created'],
      ['high', 'aws_instance.worker[0] will be destroyed'],
      ['high', 'aws_lb.public will be replaced (the new one is created before the old one is destroyed)'],
    ]);
    expect(findings[0]).toMatchObject({ rule: 'infra-destroy', file: 'infra/replace-database.plan.json' });
    expect(findings[0]?.evidence).toContain('because a changed attribute cannot be updated in place');
    expect(findings[0]?.evidence).toContain('stateful: databases and their data');
  });

  it.each([
    ['only creates, updates and forgets', 'create-only.plan.json'],
    ['no changes at all', 'no-changes.plan.json'],
  ])('reports nothing for a plan with %s', async (_name, file) => {
    expect(await run([plan(file)])).toEqual([]);
  });

  it.each([
    ['aws_rds_cluster', ['delete'], 'critical'],
    ['aws_dynamodb_table', ['delete', 'create'], 'critical'],
    ['aws_s3_bucket', ['delete'], 'critical'],
    ['aws_elasticache_replication_group', ['delete'], 'critical'],
    ['aws_kms_key', ['delete'], 'critical'],
    ['aws_route53_zone', ['delete'], 'critical'],
    ['google_sql_database_instance', ['delete'], 'critical'],
    ['google_storage_bucket', ['create', 'delete'], 'critical'],
    ['azurerm_mssql_database', ['delete'], 'critical'],
    ['azurerm_postgresql_flexible_server', ['delete'], 'critical'],
    ['kubernetes_namespace', ['delete'], 'critical'],
    ['kubernetes_persistent_volume_claim_v1', ['delete'], 'critical'],
    ['aws_eks_cluster', ['delete', 'create'], 'critical'],
    ['aws_instance', ['delete'], 'high'],
    ['aws_iam_role', ['delete', 'create'], 'high'],
    ['null_resource', ['delete', 'create'], 'high'],
  ])('%s with %j is %s', async (type, actions, severity) => {
    const findings = await run([planWith({ address: `${type}.x`, type, actions })]);
    expect(findings.map((f) => f.severity)).toEqual([severity]);
  });

  it('ignores data sources and deposed-object updates, reports deposed deletions', async () => {
    const findings = await run([
      buildArtifact(
        'terraform-plan',
        'plan.json',
        JSON.stringify({
          format_version: '1.2',
          resource_changes: [
            { address: 'data.aws_ami.x', mode: 'data', type: 'aws_ami', name: 'x', change: { actions: ['read'] } },
            { address: 'aws_instance.y', mode: 'managed', type: 'aws_instance', name: 'y', deposed: '00000001', change: { actions: ['delete'] } },
          ],
        }),
      ),
    ]);
    expect(findings.map((f) => f.message)).toEqual(['aws_instance.y (deposed object 00000001) will be destroyed']);
  });

  it.each([
    ['malformed JSON', '{"format_version": "1.2", "resource_changes": [', /^cannot read plan: invalid JSON/],
    ['a state file', fixture('state.json'), /^cannot read plan: a terraform state, not a plan/],
    ['an unknown major version', '{"format_version":"2.0","planned_values":{}}', /^cannot read plan: unsupported plan `format_version` `2.0`/],
    ['any other JSON', '{"hello":"world"}', /^cannot read plan: not a terraform plan/],
  ])('never passes silently: %s is a critical finding (it could hide a destroy)', async (_name, content, message) => {
    const findings = await run([buildArtifact('terraform-plan', 'prod.plan.json', content)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'critical', file: 'prod.plan.json' });
    expect(findings[0]?.message).toMatch(message);
  });

  it('reports an errored (incomplete) plan and a plan it could not load', async () => {
    const errored = await run([plan('errored.plan.json')]);
    expect(errored.map((f) => [f.severity, f.message])).toEqual([['high', 'plan is incomplete: planning failed part-way (`errored: true`), so it may not list every change']]);
    const unloaded = await run([buildArtifact('terraform-plan', 'big.plan.json', undefined, undefined, { unreadable: 'too-large' })], [addedFile('big.plan.json', [])]);
    expect(unloaded.map((f) => f.message)).toEqual(['cannot read plan: its content could not be loaded (too-large)']);
  });

  it('reads external plans given with --plan, and skips a deleted plan file', async () => {
    const external = buildArtifact('terraform-plan', '/tmp/prod.json', fixture('replace-database.plan.json'), undefined, { external: true });
    expect(await run([external], [modifiedFile('README.md', '@@ -1 +1 @@\n-a\n+b')])).toHaveLength(3);
    const deleted = buildArtifact('terraform-plan', 'old.plan.json', undefined, fixture('replace-database.plan.json'));
    expect(await run([deleted], [modifiedFile('README.md', '@@ -1 +1 @@\n-a\n+b')])).toEqual([]);
  });

  it('applies statefulTypes, ignoreTypes and maxFindingsPerPlan settings', async () => {
    const artifact = planWith(
      { address: 'acme_ledger.main', type: 'acme_ledger', actions: ['delete'] },
      { address: 'null_resource.a', type: 'null_resource', actions: ['delete', 'create'] },
      ...Array.from({ length: 5 }, (_, i) => ({ address: `aws_instance.n${i}`, type: 'aws_instance', actions: ['delete'] })),
    );
    const findings = await run([artifact], [], { statefulTypes: ['acme_*'], ignoreTypes: ['null_resource'], maxFindingsPerPlan: 3 });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['critical', 'acme_ledger.main will be destroyed'],
      ['high', 'aws_instance.n0 will be destroyed'],
      ['high', 'aws_instance.n1 will be destroyed'],
      ['high', '3 more resources will be deleted or replaced'],
    ]);
    expect(findings[3]?.evidence).toBe('aws_instance.n2, aws_instance.n3, aws_instance.n4');
  });

  it('sums up a plan that destroys tens of thousands of resources, stateful ones first', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      i % 5000 === 4999 ? { address: `aws_s3_bucket.b${i}`, type: 'aws_s3_bucket', actions: ['delete'] } : { address: `aws_instance.i${i}`, type: 'aws_instance', actions: ['delete'] },
    );
    const findings = await run([planWith(...many)]);
    expect(findings).toHaveLength(51);
    expect(findings.slice(0, 4).map((f) => f.severity)).toEqual(['critical', 'critical', 'critical', 'critical']);
    expect(findings[50]).toMatchObject({ severity: 'high', message: '19950 more resources will be deleted or replaced' });
  });

  it('turns bad settings into a finding and keeps checking with the defaults', async () => {
    const findings = await run([plan('replace-database.plan.json')], [], { statefulTypes: 'aws_*', maxFindings: 3 });
    expect(findings.filter((f) => f.message.startsWith('invalid `rules.settings.infra-destroy')).map((f) => f.message)).toEqual([
      'invalid `rules.settings.infra-destroy.statefulTypes`: invalid input: expected array, received string; using the defaults',
      'invalid `rules.settings.infra-destroy.maxFindings`: unknown setting; did you mean `maxFindingsPerPlan`?; using the defaults',
    ]);
    expect(findings.filter((f) => f.severity === 'critical')).toHaveLength(1);
  });
});

describe('infra-destroy: prevent_destroy', () => {
  const tf = (path: string, base: string | undefined, head: string | undefined) => ({
    file: fileFromContents(path, base, head),
    artifact: buildArtifact('terraform-hcl', path, head, base),
  });
  const runTf = (...files: ReturnType<typeof tf>[]) => run(files.map((f) => f.artifact), files.map((f) => f.file));

  it('reports prevent_destroy removed from a resource, and only that one', async () => {
    const findings = await runTf(tf('infra/main.tf', fixture('main.base.tf'), fixture('main.head.tf')));
    expect(findings.map((f) => [f.severity, f.message, f.file])).toEqual([['high', '`prevent_destroy` removed from aws_db_instance.orders', 'infra/main.tf']]);
  });

  it('reports protected resources deleted with their file (critical, being stateful), and the unprotected one with them', async () => {
    const findings = await runTf(tf('infra/main.tf', fixture('main.base.tf'), undefined));
    expect(findings.map((f) => [f.severity, f.message]).sort()).toEqual([
      ['critical', 'aws_db_instance.orders, protected by `prevent_destroy`, was removed from the configuration'],
      ['critical', 'aws_s3_bucket.assets, protected by `prevent_destroy`, was removed from the configuration'],
      ['high', 'aws_instance.worker was removed from the configuration: the next apply destroys it'],
    ]);
  });

  it('accepts a protected resource moved to another file of the same module', async () => {
    const db = 'resource "aws_db_instance" "orders" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    expect(await runTf(tf('infra/main.tf', db, '# moved to db.tf\n'), tf('infra/db.tf', undefined, db))).toEqual([]);
  });

  it('reports a protected resource moved to another module (terraform would destroy it)', async () => {
    const db = 'resource "aws_db_instance" "orders" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    const findings = await runTf(tf('infra/main.tf', db, '# moved\n'), tf('infra/modules/db/main.tf', undefined, db));
    expect(findings.map((f) => f.message)).toEqual(['aws_db_instance.orders, protected by `prevent_destroy`, was removed from the configuration']);
  });

  it('reports a protected resource whose file was renamed into another module', async () => {
    const db = 'resource "aws_db_instance" "orders" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    const file = renamedFile('infra/prod/db.tf', 'infra/staging/db.tf');
    const findings = await run([buildArtifact('terraform-hcl', 'infra/staging/db.tf', db, db)], [file]);
    expect(findings.map((f) => f.message)).toEqual(['aws_db_instance.orders, protected by `prevent_destroy`, was removed from the configuration']);
    // Renamed within its module, it stays where Terraform reads it.
    const within = renamedFile('infra/prod/db.tf', 'infra/prod/database.tf');
    expect(await run([buildArtifact('terraform-hcl', 'infra/prod/database.tf', db, db)], [within])).toEqual([]);
  });

  it.each([
    ['a new file', undefined, 'resource "a" "b" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n'],
    ['an unrelated edit', fixture('main.base.tf'), fixture('main.base.tf').replace('t3.micro', 't3.large')],
    ['a file without prevent_destroy that does not parse', 'resource "a" "b" {}\n', 'resource "a" "b" {\n  x =\n'],
  ])('reports nothing for %s', async (_name, base, head) => {
    expect(await runTf(tf('main.tf', base, head))).toEqual([]);
  });

  it('fails toward friction when a file that had prevent_destroy no longer parses', async () => {
    const findings = await runTf(tf('main.tf', fixture('main.base.tf'), 'resource "aws_db_instance" "orders" {\n  lifecycle {\n    prevent_destroy =\n  }\n}\n'));
    expect(findings.some((f) => f.severity === 'high' && f.message.startsWith('cannot parse terraform configuration: ') && f.line === 3)).toBe(true);
  });

  it('falls back to the diff when no content is available', async () => {
    const file = modifiedFile('infra/main.tf', '@@ -6,5 +6,1 @@\n   allocated_storage = 100\n-\n-  lifecycle {\n-    prevent_destroy = true\n-  }\n }');
    const findings = await run([], [file]);
    expect(findings.map((f) => [f.severity, f.message, f.file])).toEqual([['high', '`prevent_destroy = true` removed (1 of 1 occurrences)', 'infra/main.tf']]);
    const moved = modifiedFile('infra/main.tf', '@@ -1,3 +1,3 @@\n resource "x" "y" {\n-  lifecycle { prevent_destroy = true }\n+  lifecycle { prevent_destroy = true } # keep\n }');
    expect(await run([], [moved])).toEqual([]);
  });
});

describe('infra-destroy: configuration that destroys on the next apply', () => {
  const tf = (path: string, base: string | undefined, head: string | undefined) => ({
    file: fileFromContents(path, base, head),
    artifact: buildArtifact('terraform-hcl', path, head, base),
  });
  const runTf = (files: ReturnType<typeof tf>[], settings: Record<string, unknown> = {}) =>
    run(
      files.map((f) => f.artifact),
      files.map((f) => f.file),
      settings,
    );
  const DB = 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n}\n';
  const WEB = 'resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n}\n';
  const summary = (findings: Finding[]) => findings.map((f) => [f.severity, f.message, f.file, f.evidence]);

  it('reports a resource block taken out: critical for a stateful type, high for any other', async () => {
    const findings = await runTf([tf('infra/main.tf', DB + WEB, '# replaced by the managed service\n')]);
    expect(summary(findings)).toEqual([
      ['critical', 'aws_db_instance.orders was removed from the configuration: the next apply destroys it', 'infra/main.tf', 'stateful: databases and their data'],
      ['high', 'aws_instance.web was removed from the configuration: the next apply destroys it', 'infra/main.tf', undefined],
    ]);
  });

  it('reports a resource renamed without a `moved` block, and not one renamed with it', async () => {
    const renamed = DB.replace('"orders"', '"orders_v2"');
    expect(summary(await runTf([tf('infra/db.tf', DB, renamed)]))[0]?.[1]).toBe('aws_db_instance.orders was removed from the configuration: the next apply destroys it');
    const moved = `${renamed}moved {\n  from = aws_db_instance.orders\n  to   = aws_db_instance.orders_v2\n}\n`;
    expect(await runTf([tf('infra/db.tf', DB, moved)])).toEqual([]);
  });

  it('accepts a resource moved to another file of the same module', async () => {
    expect(await runTf([tf('infra/main.tf', DB + WEB, WEB), tf('infra/db.tf', undefined, DB)])).toEqual([]);
  });

  it('reports a module call taken out, unless its resources are moved', async () => {
    const call = 'module "billing" {\n  source = "./modules/billing"\n}\n';
    expect(summary(await runTf([tf('infra/main.tf', call + WEB, WEB)]))).toEqual([
      ['high', 'module.billing was removed from the configuration: the next apply destroys every resource it manages', 'infra/main.tf', undefined],
    ]);
    const moved = `${WEB}moved {\n  from = module.billing\n  to   = module.payments\n}\nmodule "payments" {\n  source = "./modules/billing"\n}\n`;
    expect(await runTf([tf('infra/main.tf', call + WEB, moved)])).toEqual([]);
  });

  it('reads `removed` blocks: destroying (the default) or only forgetting', async () => {
    const removed = (from: string, lifecycle: string) => `removed {\n  from = ${from}\n${lifecycle}}\n`;
    const destroyed = await runTf([tf('infra/main.tf', DB + WEB, WEB + removed('aws_db_instance.orders', '  lifecycle {\n    destroy = true\n  }\n'))]);
    expect(summary(destroyed)).toEqual([['critical', 'a `removed` block destroys aws_db_instance.orders', 'infra/main.tf', 'stateful: databases and their data']]);
    const byDefault = await runTf([tf('infra/main.tf', WEB, WEB + removed('module.old', ''))]);
    expect(summary(byDefault)).toEqual([['high', 'a `removed` block destroys module.old and every resource it manages', 'infra/main.tf', undefined]]);
    const forgotten = await runTf([tf('infra/main.tf', DB + WEB, WEB + removed('aws_db_instance.orders', '  lifecycle {\n    destroy = false\n  }\n'))]);
    expect(summary(forgotten)).toEqual([
      ['medium', "a `removed` block takes aws_db_instance.orders out of Terraform's management (the object is kept, no longer managed)", 'infra/main.tf', undefined],
    ]);
  });

  it('reads `.tf.json` configuration the same way', async () => {
    const json = (resources: Record<string, unknown>) => JSON.stringify({ resource: resources });
    const findings = await runTf([tf('infra/db.tf.json', json({ aws_db_instance: { orders: { engine: 'postgres' } } }), json({}))]);
    expect(summary(findings)).toEqual([['critical', 'aws_db_instance.orders was removed from the configuration: the next apply destroys it', 'infra/db.tf.json', 'stateful: databases and their data']]);
  });

  it('applies ignoreTypes and statefulTypes', async () => {
    const ledger = 'resource "acme_ledger" "main" {}\nresource "null_resource" "hook" {}\n';
    const findings = await runTf([tf('infra/main.tf', ledger, '')], { statefulTypes: ['acme_*'], ignoreTypes: ['null_resource'] });
    expect(summary(findings)).toEqual([
      ['critical', 'acme_ledger.main was removed from the configuration: the next apply destroys it', 'infra/main.tf', 'stateful: stateful data (configured in `statefulTypes`)'],
    ]);
  });

  it('judges nothing taken out of a module whose head does not parse (Terraform stops there)', async () => {
    expect(await runTf([tf('infra/main.tf', DB + WEB, 'resource "aws_instance" "web" {\n  x =\n')])).toEqual([]);
  });
});

describe('infra-destroy: `moved` blocks', () => {
  const tf = (path: string, base: string | undefined, head: string | undefined) => ({
    file: fileFromContents(path, base, head),
    artifact: buildArtifact('terraform-hcl', path, head, base),
  });
  const runTf = (...files: ReturnType<typeof tf>[]) => run(files.map((f) => f.artifact), files.map((f) => f.file));
  const DB = 'resource "aws_db_instance" "users" {\n  engine = "postgres"\n}\n';
  const moved = (to: string) => `moved {\n  from = aws_db_instance.users\n  to   = ${to}\n}\n`;

  it('reports a resource moved to an address nothing declares (Terraform destroys it there)', async () => {
    const findings = await runTf(tf('infra/db.tf', DB, moved('aws_db_instance.users_gone')));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['critical', 'aws_db_instance.users was removed from the configuration: the next apply destroys it']]);
  });

  it('accepts a move into a module call the changed files declare, and asks about one they do not', async () => {
    const call = 'module "db" {\n  source = "./modules/db"\n}\n';
    expect(await runTf(tf('infra/db.tf', DB, call + moved('module.db.aws_db_instance.this')))).toEqual([]);
    expect((await runTf(tf('infra/db.tf', DB, moved('module.nope.aws_db_instance.users')))).map((f) => [f.severity, f.message])).toEqual([
      ['high', 'aws_db_instance.users is moved to module.nope.aws_db_instance.users, whose `module` call the changed files do not declare: if no file of the module declares it, the next apply destroys it'],
    ]);
  });

  it('follows a chain of moves to where it ends', async () => {
    const chain = (end: string) => `${end}moved {\n  from = aws_db_instance.users\n  to   = aws_db_instance.b\n}\nmoved {\n  from = aws_db_instance.b\n  to   = aws_db_instance.c\n}\n`;
    expect(await runTf(tf('infra/db.tf', DB, chain('resource "aws_db_instance" "c" {}\n')))).toEqual([]);
    expect((await runTf(tf('infra/db.tf', DB, chain('')))).map((f) => f.severity)).toEqual(['critical']);
  });

  it('leaves a protected resource taken out by a `removed` block to what that block says', async () => {
    const protectedDb = 'resource "aws_db_instance" "users" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    const forget = 'removed {\n  from = aws_db_instance.users\n  lifecycle {\n    destroy = false\n  }\n}\n';
    expect((await runTf(tf('infra/db.tf', protectedDb, forget))).map((f) => f.severity)).toEqual(['medium']);
  });

  it('accepts a move to an indexed instance of a declared resource', async () => {
    const counted = 'resource "aws_db_instance" "users_v2" {\n  count = 1\n}\n';
    expect(await runTf(tf('infra/db.tf', DB, counted + moved('aws_db_instance.users_v2[0]')))).toEqual([]);
  });

  it('rates a protected stateful resource moved nowhere as critical, and one moved to a declared address as the lost protection only', async () => {
    const protectedDb = 'resource "aws_db_instance" "users" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    expect((await runTf(tf('infra/db.tf', protectedDb, moved('aws_db_instance.gone')))).map((f) => f.severity)).toEqual(['critical']);
    const renamed = 'resource "aws_db_instance" "users_v2" {}\n' + moved('aws_db_instance.users_v2');
    expect((await runTf(tf('infra/db.tf', protectedDb, renamed))).map((f) => [f.severity, f.message])).toEqual([
      ['high', 'aws_db_instance.users, protected by `prevent_destroy`, was removed from the configuration'],
    ]);
  });
});

describe('infra-destroy: `count` lowered', () => {
  const tf = (base: string, head: string) => ({ file: fileFromContents('infra/db.tf', base, head), artifact: buildArtifact('terraform-hcl', 'infra/db.tf', head, base) });
  const runTf = (...files: ReturnType<typeof tf>[]) => run(files.map((f) => f.artifact), files.map((f) => f.file));
  const db = (count: string) => `resource "aws_db_instance" "replica" {\n${count}  engine = "postgres"\n}\n`;

  it.each([
    ['1 to 0', db('  count = 1\n'), db('  count = 0\n'), 'critical', '`count` of aws_db_instance.replica lowered from 1 to 0: the next apply destroys aws_db_instance.replica[0]'],
    ['3 to 1', db('  count = 3\n'), db('  count = 1\n'), 'critical', '`count` of aws_db_instance.replica lowered from 3 to 1: the next apply destroys aws_db_instance.replica[1] to [2]'],
    ['none (one instance) to 0', db(''), db('  count = 0\n'), 'critical', '`count` of aws_db_instance.replica lowered from 1 to 0: the next apply destroys aws_db_instance.replica'],
  ])('reports a count lowered from %s', async (_name, base, head, severity, message) => {
    expect((await runTf(tf(base, head))).map((f) => [f.severity, f.message])).toEqual([[severity, message]]);
  });

  it.each([
    ['raised', db('  count = 1\n'), db('  count = 2\n')],
    ['added as 1 (Terraform moves the instance to [0])', db(''), db('  count = 1\n')],
    ['made an expression', db('  count = 2\n'), db('  count = var.replicas\n')],
  ])('reports nothing for a count %s', async (_name, base, head) => {
    expect(await runTf(tf(base, head))).toEqual([]);
  });
});
