/**
 * @module API tokens: create (shown once), list, revoke. Admins only; an AI identity never gets more than `ci`.
 */
import { HttpError, notFound } from '../../http/http-error.js';
import { createToken, listTokens, revokeToken } from '../../identity/manage-tokens.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { createTokenBody, tokenIdParam } from '../schemas/request-schemas.js';

export function tokenRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/tokens',
      operationId: 'createToken',
      summary: 'Create an API token; its text is in this response only',
      tag: 'tokens',
      permission: 'tokens:manage',
      body: createTokenBody,
      responses: { 201: { description: '`{token, id, person, role, expiresAt}`' }, 409: { description: 'refused (unknown person, ai identity with a human role)' } },
      handle: async ({ c, deps, body, principal }) => {
        const result = await createToken(deps.store, deps.identities, deps.catalog, {
          person: body.person,
          role: body.role,
          createdBy: principal.person,
          now: deps.now().toISOString(),
          ...(body.expires ? { expires: body.expires } : {}),
          ...(body.label ? { label: body.label } : {}),
        });
        if (!result.ok) throw new HttpError(409, 'refused', result.reason);
        return c.json({ token: result.issued.token, ...result.issued.record }, 201, { 'Cache-Control': 'no-store' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tokens',
      operationId: 'listTokens',
      summary: 'Every token (never its text) with its state',
      tag: 'tokens',
      permission: 'tokens:manage',
      responses: { 200: { description: '`{tokens}`' } },
      handle: async ({ c, deps }) => c.json({ tokens: await listTokens(deps.identities, deps.now().toISOString()) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      operationId: 'revokeToken',
      summary: 'Revoke a token',
      tag: 'tokens',
      permission: 'tokens:manage',
      params: tokenIdParam,
      responses: { 200: { description: 'revoked' }, 404: { description: 'no such active token' } },
      handle: async ({ c, deps, params, principal }) => {
        if (!(await revokeToken(deps.store, deps.identities, params.id, principal.person, deps.now().toISOString()))) {
          throw notFound(`no active token \`${params.id}\``);
        }
        return c.json({ id: params.id, revoked: true });
      },
    }),
  ];
}
