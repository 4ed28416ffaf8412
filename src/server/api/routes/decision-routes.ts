/**
 * @module Approvals, sign-offs, rejections and withdrawals: always as the caller, never as a body field.
 */
import type { Context } from 'hono';
import * as z from 'zod';
import type { ApprovalRefusal, ApproveResult } from '../../../workflow/approve-change.js';
import { approveChange } from '../../../workflow/approve-change.js';
import type { RejectResult } from '../../../workflow/reject-change.js';
import { rejectChange, withdrawRejection } from '../../../workflow/reject-change.js';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { approveBody, digestParam, rejectBody, withdrawBody } from '../schemas/request-schemas.js';

const decisionResponse = z.object({
  digest: z.string(),
  person: z.string(),
  kind: z.enum(['approve', 'sign-off', 'reject', 'withdraw']),
  role: z.enum(['director', 'vp']).optional(),
  alreadyRecorded: z.boolean(),
});

/** HTTP status of a refused approval: unknown content 404, bad reference 400, policy refusal 409. */
export function refusalStatus(code: ApprovalRefusal | 'refused'): 400 | 403 | 404 | 409 {
  switch (code) {
    case 'not-found':
      return 404;
    case 'invalid':
      return 400;
    case 'ai-identity':
    case 'unknown-person':
      return 403;
    default:
      return 409;
  }
}

/** Turns a workflow refusal into the HTTP error the API answers with. */
export function refusalError(code: ApprovalRefusal | 'refused', reason: string): HttpError {
  const status = refusalStatus(code);
  return new HttpError(status, status === 404 ? 'not-found' : status === 400 ? 'bad-request' : status === 403 ? 'forbidden' : 'refused', reason);
}

function answer(c: Context<AppEnv>, result: ApproveResult): Response {
  if (!result.ok) throw refusalError(result.code, result.reason);
  const body = { digest: result.digest, person: result.person, kind: result.kind, ...(result.role ? { role: result.role } : {}), alreadyRecorded: result.alreadyRecorded };
  return c.json(body, result.alreadyRecorded ? 200 : 201);
}

function answerReject(c: Context<AppEnv>, result: RejectResult, kind: 'reject' | 'withdraw'): Response {
  if (!result.ok) throw refusalError(result.candidates && result.candidates.length > 1 ? 'ambiguous' : !result.digest ? 'not-found' : 'refused', result.reason);
  return c.json({ digest: result.digest, person: result.person, kind, alreadyRecorded: result.alreadyRecorded }, result.alreadyRecorded ? 200 : 201);
}

const responses = {
  201: { description: 'recorded', schema: decisionResponse },
  200: { description: 'already recorded (idempotent)', schema: decisionResponse },
  404: { description: 'no such change' },
  409: { description: 'refused by policy (author, superseded content, not a signer, signature required …): `error.message` says why' },
};

export function decisionRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/changes/{digest}/approvals',
      operationId: 'approveChange',
      summary: 'Approve exactly this content, as the caller',
      tag: 'decisions',
      permission: 'changes:decide',
      params: digestParam,
      body: approveBody,
      responses,
      handle: async ({ c, deps, params, body, principal }) =>
        answer(c, await approveChange(deps.store, { digestOrPrefix: params.digest.toLowerCase(), person: principal.person, ...body }, deps.catalog, deps.now().toISOString())),
    }),
    defineRoute({
      method: 'post',
      path: '/api/changes/{digest}/sign-offs',
      operationId: 'signOffChange',
      summary: 'Sign off this content as a director or VP of a touched system, as the caller',
      tag: 'decisions',
      permission: 'changes:decide',
      params: digestParam,
      body: approveBody,
      responses,
      handle: async ({ c, deps, params, body, principal }) =>
        answer(c, await approveChange(deps.store, { digestOrPrefix: params.digest.toLowerCase(), person: principal.person, signOff: true, ...body }, deps.catalog, deps.now().toISOString())),
    }),
    defineRoute({
      method: 'post',
      path: '/api/changes/{digest}/rejections',
      operationId: 'rejectChange',
      summary: 'Reject the change: it is blocked until the caller withdraws the rejection',
      tag: 'decisions',
      permission: 'changes:decide',
      params: digestParam,
      body: rejectBody,
      responses,
      handle: async ({ c, deps, params, body, principal }) =>
        answerReject(c, await rejectChange(deps.store, { digestOrPrefix: params.digest.toLowerCase(), person: principal.person, reason: body.reason }, deps.catalog, deps.now().toISOString()), 'reject'),
    }),
    defineRoute({
      method: 'post',
      path: '/api/changes/{digest}/withdrawals',
      operationId: 'withdrawRejection',
      summary: "Withdraw the caller's rejection of the change",
      tag: 'decisions',
      permission: 'changes:decide',
      params: digestParam,
      body: withdrawBody,
      responses,
      handle: async ({ c, deps, params, body, principal }) =>
        answerReject(
          c,
          await withdrawRejection(deps.store, { digestOrPrefix: params.digest.toLowerCase(), person: principal.person, ...(body.comment ? { comment: body.comment } : {}) }, deps.catalog, deps.now().toISOString()),
          'withdraw',
        ),
    }),
  ];
}
