/**
 * @module A malformed catalog never makes the guard more permissive: bad fields are reported and lean
 * toward production.
 */
import { describe, expect, it } from 'vitest';
import { assembleCatalogGuardConfig } from './read-catalog-guard-config.js';

describe('assembleCatalogGuardConfig', () => {
  it('treats an environment whose production flag is not a boolean as production', () => {
    const config = assembleCatalogGuardConfig('version: 1\nenvironments:\n  - { name: blue, production: "yes", kubeContexts: [blue] }\n', 'tollgate.yaml');
    expect(config.environments[0]?.production).toBe(true);
    expect(config.problems).toEqual(['tollgate.yaml: `environments[0].production` must be true or false; treated as production']);
  });

  it('turns an unknown action verdict into ask', () => {
    const config = assembleCatalogGuardConfig('environments:\n  - { name: dev, actions: { terraform-destroy: maybe } }\n', 'tollgate.yaml');
    expect(config.environments[0]?.actions).toEqual({ 'terraform-destroy': 'ask' });
    expect(config.problems[0]).toMatch(/must be allow, ask or deny/);
  });

  it('reports invalid YAML with the file name and keeps going with no environments', () => {
    const config = assembleCatalogGuardConfig('environments: [', 'tollgate.yaml');
    expect(config.environments).toEqual([]);
    expect(config.problems[0]).toMatch(/^tollgate.yaml: invalid yaml/);
  });

  it('skips entries without a name and lists that are not lists', () => {
    const config = assembleCatalogGuardConfig('environments:\n  - { production: true }\n  - { name: x, names: prod }\n', 'c.yaml');
    expect(config.environments.map((environment) => environment.name)).toEqual(['x']);
    expect(config.problems).toEqual(['c.yaml: `environments[0]` needs a `name`', 'c.yaml: `environments[1].names` must be a list of strings']);
  });
});
