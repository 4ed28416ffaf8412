/**
 * @module Every route of the web UI: server-rendered pages that work without JavaScript.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { ServerDeps } from '../server-deps.js';
import { registerChangePageRoutes } from './routes/change-page-routes.js';
import { registerPageRoutes } from './routes/page-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';

export function registerUiRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  registerSessionRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerChangePageRoutes(app, deps);
}
