/**
 * @module Production by default words or catalog markers; non-production only from markers that choose
 * the target; resource names alone never make an environment safe.
 */
import { describe, expect, it } from 'vitest';
import { testEnvironments } from '../guard-test-builders.js';
import { classifyEnvironment, containsWord, type EnvironmentMarker } from './classify-environment.js';

const marker = (value: string, kind: EnvironmentMarker['kind'] = 'name', selectsTarget = true): EnvironmentMarker => ({ value, kind, source: 'test', selectsTarget });

describe('classifyEnvironment without a catalog', () => {
  it.each(['prod', 'production', 'prd', 'live', 'prod-eu', 'orders-prod', 'db.prod.internal', 'PROD_EU', 's3://orders-prod/x'])('%s is production', (value) => {
    expect(classifyEnvironment([marker(value)], []).class).toBe('production');
  });
  it.each(['product', 'products-api', 'liveness', 'staging', 'dev', 'preprod-is-not-a-word-split'])('%s is not production', (value) => {
    const result = classifyEnvironment([marker(value)], []);
    expect(result.class).not.toBe('non-production');
    if (value !== 'preprod-is-not-a-word-split') expect(result.class).toBe('unknown');
  });
});

describe('classifyEnvironment with a catalog', () => {
  const environments = testEnvironments();
  it.each([
    [marker('gke_acme_europe-west1_main', 'kubeContext'), 'production'],
    [marker('kind-staging', 'kubeContext'), 'non-production'],
    [marker('acme-main', 'awsProfile'), 'production'],
    [marker('acme-staging', 'awsProfile'), 'non-production'],
    [marker('arn:aws:iam::123456789012:role/x'), 'production'],
    [marker('postgres://u@orders-db.internal.acme.com/app', 'databaseHost'), 'production'],
    [marker('orders-blue', 'stack'), 'production'],
    [marker('orders-staging', 'stack'), 'non-production'],
    [marker('staging-prod-mirror', 'name'), 'production'],
    [marker('staging-web', 'name', false), 'unknown'],
    [marker('dev', 'terraformWorkspace'), 'non-production'],
  ] as const)('%j → %s', (input, expected) => {
    expect(classifyEnvironment([input], environments).class).toBe(expected);
  });

  it('lets any production marker win over a non-production one', () => {
    expect(classifyEnvironment([marker('kind-staging', 'kubeContext'), marker('orders-prod', 'name', false)], environments).class).toBe('production');
  });

  it('names the catalog environment it matched', () => {
    expect(classifyEnvironment([marker('kind-staging', 'kubeContext')], environments).environment?.name).toBe('staging');
  });
});

describe('containsWord', () => {
  it.each([
    ['orders-prod-eu', 'prod', true],
    ['orders-prod-eu', 'prod-eu', true],
    ['orders-product', 'prod', false],
    ['a.b.c', 'b.c', true],
  ])('%s contains %s: %s', (value, word, expected) => {
    expect(containsWord(value, word)).toBe(expected);
  });
});
