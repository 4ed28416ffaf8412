/**
 * @module Every API route, in the order the OpenAPI document lists them.
 */
import { buildOpenApi } from './build-openapi.js';
import type { ApiRoute } from './define-route.js';
import { auditRoutes } from './routes/audit-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { changeRoutes } from './routes/change-routes.js';
import { decisionRoutes } from './routes/decision-routes.js';
import { deployRoutes } from './routes/deploy-routes.js';
import { guardRoutes } from './routes/guard-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { tokenRoutes } from './routes/token-routes.js';

/** The routes, with the OpenAPI document built lazily from them (once). */
export function apiRoutes(version: string): ApiRoute[] {
  let document: string | undefined;
  const routes: ApiRoute[] = [
    ...healthRoutes(() => (document ??= JSON.stringify(buildOpenApi(routes, version)))),
    ...changeRoutes(),
    ...decisionRoutes(),
    ...deployRoutes(),
    ...guardRoutes(),
    ...auditRoutes(),
    ...reportRoutes(),
    ...catalogRoutes(),
    ...tokenRoutes(),
  ];
  return routes;
}
