/**
 * @module Liveness, readiness and the OpenAPI document: no identity needed.
 */
import * as z from 'zod';
import { defineRoute, type ApiRoute } from '../define-route.js';

export function healthRoutes(openApiJson: () => string): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness: the process answers',
      tag: 'health',
      permission: 'public',
      responses: { 200: { description: 'alive', schema: z.object({ status: z.literal('ok') }) } },
      handle: ({ c }) => c.json({ status: 'ok' }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'ready',
      summary: 'Readiness: started, not shutting down, and the store answers',
      tag: 'health',
      permission: 'public',
      responses: {
        200: { description: 'ready', schema: z.object({ status: z.literal('ready'), store: z.enum(['sqlite', 'postgres']) }) },
        503: { description: 'starting, shutting down, or the store is unreachable' },
      },
      handle: async ({ c, deps }) => {
        if (!deps.ready()) return c.json({ status: 'unavailable', reason: 'starting or shutting down' }, 503);
        try {
          await deps.store.audit.head();
          return c.json({ status: 'ready', store: deps.store.kind });
        } catch (error) {
          deps.logger.warn({ err: error }, 'readiness check: store unreachable');
          return c.json({ status: 'unavailable', reason: 'store unreachable' }, 503);
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This API, as an OpenAPI 3.1 document',
      tag: 'health',
      permission: 'public',
      responses: { 200: { description: 'the document' } },
      handle: ({ c }) => c.body(openApiJson(), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
    }),
  ];
}
