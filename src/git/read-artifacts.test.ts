import { describe, expect, it } from 'vitest';
import { artifactKind } from './read-artifacts.js';

describe('artifactKind', () => {
  it.each([
    ['infra/main.tf', 'terraform-hcl'],
    ['db/migrations/001_init.sql', 'sql'],
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
