import { describe, expect, it } from 'vitest';
import { apiRoutes } from './api-routes.js';
import { buildOpenApi } from './build-openapi.js';
import { verifyBody } from './schemas/request-schemas.js';

type Operation = {
  operationId: string;
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, { description: string }>;
};

describe('buildOpenApi', () => {
  const document = buildOpenApi(apiRoutes('1.2.3'), '1.2.3') as { openapi: string; info: { version: string }; paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  it('is OpenAPI 3.1 with one unique operation id per route', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(apiRoutes('x').length);
  });

  it('describes request bodies with the very schemas that validate them', () => {
    const verify = document.paths['/api/verify']!.post!;
    const schema = verify.requestBody!.content['application/json'].schema as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.required.sort()).toEqual(['commit', 'commits', 'env']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(verifyBody.shape).sort());
  });

  it('declares every path parameter, and 400/401/403 where they can happen', () => {
    for (const { path, op } of operations) {
      const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      if (op.security === undefined) expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['401', '403']));
      if (op.requestBody) expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['400', '413']));
    }
  });

  it('marks only health, readiness and the document itself public', () => {
    expect(operations.filter(({ op }) => op.security !== undefined).map(({ path }) => path).sort()).toEqual(['/api/openapi.json', '/healthz', '/readyz']);
  });
});
