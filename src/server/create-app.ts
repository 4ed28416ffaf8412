/**
 * @module The HTTP core: a Hono app from web-standard Request to Response, built around its dependencies.
 *
 * No runtime specifics here: `start-server.ts` adapts it to node:http, and tests can call
 * `app.request()` directly. Order matters: request context (id, headers, log line) wraps
 * everything; 405 detection wraps routing; the body limit and authentication run before any route.
 *
 * @example
 * const app = createApp(deps);
 * const response = await app.request('/healthz'); // 200 {"status":"ok"}
 */
import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { apiRoutes } from './api/api-routes.js';
import { registerApiRoutes } from './api/define-route.js';
import type { AppEnv } from './app-env.js';
import { authenticate } from './auth/authenticate.js';
import { handleError, errorResponse } from './http/handle-error.js';
import { HttpError, notFound } from './http/http-error.js';
import { limitBody } from './http/limit-body.js';
import { requestContext } from './http/request-context.js';
import type { ServerDeps } from './server-deps.js';
import { registerUiRoutes } from './ui/register-ui-routes.js';

export const SERVER_VERSION = process.env.TOLLGATE_VERSION ?? '0.1.0';

export function createApp(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const routes = apiRoutes(SERVER_VERSION);

  app.use('*', requestContext(deps));
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(c, new HttpError(405, 'method-not-allowed', `\`${c.req.method}\` is not allowed here; use ${methods.join(', ')}`, { headers: { Allow: methods.join(', ') } })),
    }),
  );
  app.use(
    '*',
    limitBody(deps.config.bodyLimitBytes, () => {
      // The rest of the body is not read: close the connection so no client reuses it mid-stream.
      throw new HttpError(413, 'payload-too-large', `the request body is over the limit of ${deps.config.bodyLimitBytes} bytes`, { headers: { Connection: 'close' } });
    }),
  );
  app.use('*', authenticate(deps));

  registerApiRoutes(app, deps, routes);
  registerUiRoutes(app, deps);

  app.notFound((c) => errorResponse(c, notFound(`no such page or endpoint: \`${c.req.method} ${c.req.path}\``)));
  app.onError(handleError(deps));
  return app;
}
