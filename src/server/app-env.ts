/**
 * @module The types the server's request handlers share: bindings from the runtime adapter and per-request variables.
 */
import type { SessionRecord } from './identity/identity-store.js';
import type { Principal } from './auth/permissions.js';

/** What the runtime adapter passes with each request (the core itself speaks Request → Response). */
export interface AppBindings {
  /** The peer's address as the socket sees it (not a forwarded header). */
  remoteAddress?: string;
}

/** How a request proved who it is. */
export type AuthMethod = 'token' | 'session' | 'sso';

/** The authenticated caller of a request. */
export interface RequestPrincipal extends Principal {
  via: AuthMethod;
  /** Public id of the API token, when authenticated by one. */
  tokenId?: string;
  /** The browser session (for CSRF checks), when authenticated by one or by SSO. */
  session?: SessionRecord;
}

export interface AppVariables {
  principal: RequestPrincipal | undefined;
  requestId: string;
  /** The parsed form of a browser POST, once its CSRF token was checked. */
  form: Record<string, string>;
}

export type AppEnv = { Bindings: AppBindings; Variables: AppVariables };
