/**
 * @module The OpenAPI 3.1 document, generated from the routes' own zod schemas (no second copy).
 */
import * as z from 'zod';
import { PERMISSIONS } from '../auth/permissions.js';
import type { ApiRoute } from './define-route.js';
import { errorSchema } from './schemas/error-schema.js';

type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSES: Record<number, string> = {
  400: 'invalid request: `error.issues` lists each field path and reason',
  401: 'no valid token or session',
  403: 'the caller lacks the permission (or is an ai identity where only people may act)',
  413: 'request body over the server limit',
  429: 'too many failed sign-ins from this address',
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** Path or query parameters from an object schema: one parameter per property. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

/** Builds the document; `version` is the server's version. */
export function buildOpenApi(routes: readonly ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { 'application/json': { schema: schemaOf(response.schema, 'output') } } } : {}),
      };
    }
    const errors = [...(route.body || route.query || route.params ? [400] : []), ...(route.permission === 'public' ? [] : [401, 403, 429]), ...(route.body ? [413] : [])];
    for (const status of errors) {
      responses[String(status)] ??= { description: ERROR_RESPONSES[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const roles = route.permission === 'public' ? undefined : PERMISSIONS[route.permission];
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description || roles ? { description: [route.description, roles && `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n') } : {}),
      tags: [route.tag],
      ...(route.permission === 'public' ? { security: [] } : {}),
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tollgate API',
      version,
      description: 'Controlled friction between a code change and production. Authenticate with `Authorization: Bearer <token>` (`tollgate token create`).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `tollgate token create`.' } },
      schemas: { Error: schemaOf(errorSchema, 'output') },
    },
    paths,
  };
}
