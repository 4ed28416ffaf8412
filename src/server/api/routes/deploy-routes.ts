/**
 * @module The deploy gate (`verify`, returning the signed attestation) and break-glass.
 */
import { breakGlass } from '../../../workflow/break-glass.js';
import { verifyDeploy } from '../../../workflow/verify-deploy.js';
import { HttpError } from '../../http/http-error.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { breakGlassBody, verifyBody } from '../schemas/request-schemas.js';
import { refusalError } from './decision-routes.js';

export function deployRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/verify',
      operationId: 'verifyDeploy',
      summary: 'The deploy gate: pass only if every commit is approved as it is (`tollgate verify`)',
      description:
        'On pass (200) the body holds the in-toto statement and its DSSE envelope signed with ed25519, and a `deploy` event is recorded. On failure (409) it lists each unapproved commit and what it lacks; a `verify.failed` event is recorded. Errors fail closed.',
      tag: 'deploys',
      permission: 'deploys:verify',
      body: verifyBody,
      responses: {
        200: { description: 'passed: `{ok: true, statement, attestation, seq, changes}`' },
        409: { description: 'refused: `{ok: false, unapproved, freezes, errors}`' },
        503: { description: 'the server has no attestation key: it cannot let anything through' },
      },
      handle: async ({ c, deps, body, principal }) => {
        if (!deps.signingKey) throw new HttpError(503, 'unavailable', 'the server has no attestation key (`tollgate keys init`, or TOLLGATE_SIGNING_KEY): the gate fails closed');
        const result = await verifyDeploy(deps.store, {
          env: body.env,
          commit: body.commit.toLowerCase(),
          ...(body.since ? { since: body.since.toLowerCase() } : {}),
          commits: body.commits.map((commit) => ({ sha: commit.sha.toLowerCase(), ...(commit.patchId ? { patchId: commit.patchId } : {}) })),
          catalog: deps.catalog,
          now: deps.now().toISOString(),
          signingKey: deps.signingKey,
          actor: principal.person,
        });
        return c.json({ schema: 'tollgate.verify/v1', ...result }, result.ok ? 200 : 409);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/break-glass',
      operationId: 'breakGlass',
      summary: 'Let `verify` pass for one commit and environment for a while, as the caller (loud, audited, needs a retro review)',
      tag: 'deploys',
      permission: 'break-glass',
      body: breakGlassBody,
      responses: { 201: { description: 'the override, with its expiry and retro-review due time' }, 409: { description: 'refused: `error.message` says why' } },
      handle: async ({ c, deps, body, principal }) => {
        const result = await breakGlass(
          deps.store,
          {
            env: body.env,
            commit: body.commit.toLowerCase(),
            person: principal.person,
            reason: body.reason,
            ...(body.incident ? { incident: body.incident } : {}),
            ...(body.durationMinutes ? { durationMinutes: body.durationMinutes } : {}),
          },
          deps.catalog,
          deps.now().toISOString(),
        );
        if (!result.ok) throw refusalError('refused', result.reason);
        return c.json({ schema: 'tollgate.break-glass/v1', ...result.record }, 201);
      },
    }),
  ];
}
