/**
 * @module The audit log: events (paged), chain verification, checkpoints.
 */
import { HttpError } from '../../http/http-error.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { auditEventsQuery, auditVerifyBody } from '../schemas/request-schemas.js';

export function auditRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit/events',
      operationId: 'auditEvents',
      summary: 'Audit events in sequence order, paged with `afterSeq`',
      tag: 'audit',
      permission: 'audit:read',
      query: auditEventsQuery,
      responses: { 200: { description: '`{events, nextAfterSeq}`; `nextAfterSeq` is absent on the last page' } },
      handle: async ({ c, deps, query }) => {
        const events = await deps.store.audit.list({
          limit: query.limit,
          ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
          ...(query.type ? { types: query.type.split(',').map((type) => type.trim()).filter(Boolean) } : {}),
          ...(query.since ? { since: query.since } : {}),
          ...(query.until ? { until: query.until } : {}),
          ...(query.system ? { system: query.system } : {}),
          ...(query.subject ? { subject: query.subject } : {}),
          ...(query.actor ? { actor: query.actor } : {}),
        });
        const last = events[events.length - 1];
        return c.json({ events, ...(events.length === query.limit && last ? { nextAfterSeq: last.seq } : {}) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/verify',
      operationId: 'auditVerify',
      summary: 'Re-hash the whole chain against its stored checkpoints (`tollgate audit verify`)',
      tag: 'audit',
      permission: 'audit:read',
      responses: { 200: { description: '`{ok: true, count, head}` or `{ok: false, firstBadSeq, reason}`' } },
      handle: async ({ c, deps }) => c.json({ schema: 'tollgate.audit-verify/v1', ...(await deps.store.audit.verify({ ...(deps.signingKey ? { publicKey: deps.signingKey.publicKeyPem } : {}) })) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/audit/verify',
      operationId: 'auditVerifyWithCheckpoint',
      summary: 'Verify the chain against a checkpoint kept elsewhere (truncation shows up here)',
      tag: 'audit',
      permission: 'audit:read',
      body: auditVerifyBody,
      responses: { 200: { description: 'as GET' } },
      handle: async ({ c, deps, body }) =>
        c.json({
          schema: 'tollgate.audit-verify/v1',
          ...(await deps.store.audit.verify({
            ...(body.checkpoint ? { checkpoint: body.checkpoint } : {}),
            ...(body.publicKey ? { publicKey: body.publicKey } : deps.signingKey ? { publicKey: deps.signingKey.publicKeyPem } : {}),
          })),
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/checkpoints/latest',
      operationId: 'latestCheckpoint',
      summary: 'The latest signed checkpoint (export it and keep it elsewhere)',
      tag: 'audit',
      permission: 'audit:read',
      responses: { 200: { description: 'the checkpoint and the public key that verifies it' }, 404: { description: 'no checkpoint yet' } },
      handle: async ({ c, deps }) => {
        const checkpoint = await deps.store.audit.latestCheckpoint();
        if (!checkpoint) throw new HttpError(404, 'not-found', 'no checkpoint yet: POST /api/audit/checkpoints makes one');
        return c.json({ schema: 'tollgate.checkpoint/v1', ...checkpoint, ...(deps.signingKey ? { publicKey: deps.signingKey.publicKeyPem } : {}) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/audit/checkpoints',
      operationId: 'createCheckpoint',
      summary: 'Sign a checkpoint of the current head now',
      tag: 'audit',
      permission: 'audit:checkpoint',
      responses: { 201: { description: 'the checkpoint' }, 503: { description: 'no signing key, or nothing to checkpoint' } },
      handle: async ({ c, deps, principal }) => {
        if (!deps.signingKey) throw new HttpError(503, 'unavailable', 'the server has no signing key (`tollgate keys init`, or TOLLGATE_SIGNING_KEY)');
        if ((await deps.store.audit.head()) === null) throw new HttpError(503, 'unavailable', 'the audit log is empty: nothing to checkpoint');
        const checkpoint = await deps.store.audit.checkpoint();
        deps.logger.info({ seq: checkpoint.seq, person: principal.person }, 'checkpoint signed on request');
        return c.json({ schema: 'tollgate.checkpoint/v1', ...checkpoint, publicKey: deps.signingKey.publicKeyPem }, 201);
      },
    }),
  ];
}
