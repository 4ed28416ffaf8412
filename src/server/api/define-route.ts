/**
 * @module One API route = its schemas + permission + handler; the same object registers the route,
 * validates requests and describes itself in the OpenAPI document.
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import type { AppEnv, RequestPrincipal } from '../app-env.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Permission } from '../auth/permissions.js';
import { readJsonBody, validate } from '../http/validate-input.js';
import type { ServerDeps } from '../server-deps.js';

export type HttpMethod = 'get' | 'post' | 'delete';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B, Perm> {
  c: Context<AppEnv>;
  deps: ServerDeps;
  principal: Perm extends 'public' ? RequestPrincipal | undefined : RequestPrincipal;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

export interface RouteSpec<P, Q, B, Perm extends Permission | 'public'> {
  method: HttpMethod;
  /** OpenAPI form, e.g. `/api/changes/{digest}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** What the caller needs; `public` routes need no identity. */
  permission: Perm;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, RouteResponse>;
  handle(input: RouteInput<P, Q, B, Perm>): Promise<Response> | Response;
}

/** A route with its types erased, ready to register and describe. */
export interface ApiRoute {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission | 'public';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, RouteResponse>;
  run(c: Context<AppEnv>, deps: ServerDeps): Promise<Response>;
}

/**
 * Declares a route. Validation happens before the handler runs: params, then query, then body,
 * each failing with 400 and the field paths.
 *
 * @example
 * defineRoute({ method: 'get', path: '/api/changes/{digest}', permission: 'changes:read', params: z.object({ digest }), … ,
 *   handle: async ({ params, deps }) => Response.json(await deps.store.changes.get(params.digest)) })
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  Perm extends Permission | 'public' = Permission,
>(spec: RouteSpec<P, Q, B, Perm>): ApiRoute {
  const { handle, ...meta } = spec;
  return {
    ...(meta as Omit<ApiRoute, 'run'>),
    async run(c, deps) {
      const principal = (spec.permission === 'public' ? c.get('principal') : requirePermission(deps, c, spec.permission as Permission)) as RouteInput<P, Q, B, Perm>['principal'];
      const params = (spec.params ? validate(spec.params, c.req.param(), 'params') : undefined) as Out<P>;
      const query = (spec.query ? validate(spec.query, c.req.query(), 'query') : undefined) as Out<Q>;
      const body = (spec.body ? await readJsonBody(c, spec.body) : undefined) as Out<B>;
      return handle({ c, deps, principal, params, query, body });
    },
  };
}

/** `/api/changes/{digest}` → `/api/changes/:digest`. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** Adds every route to the app. */
export function registerApiRoutes(app: Hono<AppEnv>, deps: ServerDeps, routes: readonly ApiRoute[]): void {
  for (const route of routes) app.on(route.method.toUpperCase(), honoPath(route.path), (c) => route.run(c, deps));
}
