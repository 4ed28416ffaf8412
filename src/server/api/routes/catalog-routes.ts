/**
 * @module The catalog the server evaluates under (read-only), and who the caller is.
 */
import * as z from 'zod';
import { ROLES } from '../../identity/identity-store.js';
import { policyDigestOf } from '../../../workflow/policy-digest.js';
import { defineRoute, type ApiRoute } from '../define-route.js';

export function catalogRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/catalog',
      operationId: 'catalog',
      summary: 'The catalog (systems, people, teams, policy) with its digest',
      tag: 'catalog',
      permission: 'changes:read',
      responses: { 200: { description: '`{policyDigest, catalog}`' } },
      handle: ({ c, deps }) => c.json({ policyDigest: policyDigestOf(deps.catalog), catalog: deps.catalog }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/whoami',
      operationId: 'whoami',
      summary: 'Who the caller is, as the server sees it',
      tag: 'catalog',
      permission: 'changes:read',
      responses: {
        200: { description: 'the principal', schema: z.object({ person: z.string(), role: z.enum(ROLES), ai: z.boolean(), via: z.enum(['token', 'session', 'sso']) }) },
      },
      handle: ({ c, principal }) => c.json({ person: principal.person, role: principal.role, ai: principal.ai, via: principal.via }),
    }),
  ];
}
