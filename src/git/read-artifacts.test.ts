import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { artifactKind, readArtifacts, type ContentSource } from './read-artifacts.js';

describe('artifactKind', () => {
  it.each([
    ['infra/main.tf', 'terraform-hcl'],
    ['infra/db.tf.json', 'terraform-hcl'],
    ['db/migrations/001_init.sql', 'sql'],
    ['db/functions/purge.pgsql', 'sql'],
    ['db/seed.psql', 'sql'],
    ['infra/plan.json', 'terraform-plan'],
    ['tfplan.json', 'terraform-plan'],
    ['infra/prod.tfplan.json', 'terraform-plan'],
    ['infra/prod.plan.json', 'terraform-plan'],
    ['infra/prod-plan.json', 'terraform-plan'],
    ['infra/PROD_PLAN.JSON', 'terraform-plan'],
    ['assets/floorplan.json', undefined],
    ['src/plan.ts', undefined],
    ['package.json', undefined],
  ])('%s is %s', (path, kind) => {
    expect(artifactKind(path)).toBe(kind);
  });
});

describe('readArtifacts', () => {
  const source: ContentSource = {
    base: async (file) => ({ content: `base of ${file.oldPath ?? file.path}` }),
    head: async (file) => ({ content: `head of ${file.path}` }),
  };
  const renamed = (oldPath: string, path: string): ChangedFile => ({ path, oldPath, status: 'renamed', binary: false, additions: 0, deletions: 0, hunks: [] });

  it('reads a Terraform file renamed out of the configuration as deleted at its old path', async () => {
    expect(await readArtifacts([renamed('infra/prod/db.tf', 'infra/prod/db.tf.bak')], source)).toEqual([
      { kind: 'terraform-hcl', path: 'infra/prod/db.tf', baseContent: 'base of infra/prod/db.tf' },
    ]);
  });

  it('reads a renamed Terraform file at its new path with both sides', async () => {
    expect(await readArtifacts([renamed('infra/prod/db.tf', 'infra/staging/db.tf')], source)).toEqual([
      { kind: 'terraform-hcl', path: 'infra/staging/db.tf', content: 'head of infra/staging/db.tf', baseContent: 'base of infra/prod/db.tf' },
    ]);
  });
});
