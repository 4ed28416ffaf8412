import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { assembleCatalogJsonSchema, CATALOG_SCHEMA_ID, catalogJsonSchemaText } from './assemble-catalog-json-schema.js';

const committedUrl = new URL('../../../schema/tollgate.schema.json', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/catalog/${name}`, import.meta.url), 'utf8');

type Node = Record<string, unknown>;

/** Every property path of a JSON Schema that has no description. */
function undescribed(node: Node, path = ''): string[] {
  const missing: string[] = [];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (child.description === undefined) missing.push(childPath);
    missing.push(...undescribed(child, childPath));
  }
  if (node.items && typeof node.items === 'object') missing.push(...undescribed(node.items as Node, `${path}[]`));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') missing.push(...undescribed(node.additionalProperties as Node, `${path}.*`));
  return missing;
}

describe('catalog JSON Schema', () => {
  it('is committed exactly as generated (run `npx tsx scripts/generate-schema.ts` after a schema change)', () => {
    expect(readFileSync(committedUrl, 'utf8')).toBe(catalogJsonSchemaText());
  });

  it('has an id, a title and a description for every property', () => {
    const schema = assembleCatalogJsonSchema();
    expect(schema.$id).toBe(CATALOG_SCHEMA_ID);
    expect(schema.title).toMatch(/tollgate\.yaml/);
    expect(undescribed(schema)).toEqual([]);
  });

  it('describes the input: only `version` is required, defaults are optional', () => {
    const schema = assembleCatalogJsonSchema();
    expect(schema.required).toEqual(['version']);
    expect(schema.additionalProperties).toBe(false);
  });

  // The JSON Schema read back by an independent reader (zod's JSON Schema importer) must accept
  // and reject the same documents as the loader does.
  const validator = z.fromJSONSchema(JSON.parse(readFileSync(committedUrl, 'utf8')) as Parameters<typeof z.fromJSONSchema>[0]);
  it('accepts the full sample catalog', async () => {
    const { parse } = await import('yaml');
    expect(validator.safeParse(parse(fixture('full.yaml'))).success).toBe(true);
  });
  it.each([
    ['an unknown key', { version: 1, sytems: [] }],
    ['tier 4', { version: 1, systems: [{ id: 'a', tier: 4, paths: ['a/**'] }] }],
    ['a system without paths', { version: 1, systems: [{ id: 'a', tier: 1 }] }],
    ['version 2', { version: 2 }],
    ['a bad severity', { version: 1, rules: { custom: [{ id: 'r', added: 'x', severity: 'urgent', message: 'm' }] } }],
  ])('rejects %s', (_name, document) => {
    expect(validator.safeParse(document).success).toBe(false);
  });
});
