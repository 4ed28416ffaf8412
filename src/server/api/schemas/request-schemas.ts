/**
 * @module Request schemas of the API: each validates requests and generates the OpenAPI document.
 *
 * Bodies are strict: an unknown field is a 400, so a body can never smuggle in who decides
 * (`person`, `approver`): that always comes from the caller's token or session.
 */
import * as z from 'zod';
import { ROLES } from '../../identity/identity-store.js';
import { changeSchema, documentationSchema } from './change-schema.js';

export const digestParam = z.strictObject({
  digest: z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'a change digest or a unique prefix of at least 4 hex digits').describe('change digest or unique prefix'),
});

const comment = z.string().max(4000).describe('free text, stored and shown as given (escaped)');
const signature = z.string().max(20_000).describe('armored ssh signature (`ssh-keygen -Y sign`) over the approval statement');
const sha = z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'a hex commit sha');
const env = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, `.`, `_`, `-`');

export const recordChangeBody = z.strictObject({
  change: changeSchema,
  documentation: documentationSchema.default({ source: 'none', sections: {} }),
  lineKey: z.string().max(1000).optional().describe('identity of the line of work, e.g. `branch:feature/x` or `github:org/repo#12`'),
  rangePatchId: z.string().regex(/^[0-9a-f]{40,64}$/).optional().describe('`git patch-id --stable` of the whole base..head diff'),
  notices: z.array(z.string().max(2000)).max(50).default([]),
});

export const checkChangeBody = recordChangeBody.omit({ lineKey: true, rangePatchId: true });

export const approveBody = z.strictObject({ comment: comment.optional(), signature: signature.optional() });
export const rejectBody = z.strictObject({ reason: comment.min(1, 'a rejection needs a reason') });
export const withdrawBody = z.strictObject({ comment: comment.optional() });

export const verifyBody = z.strictObject({
  env: env.describe('target environment, e.g. `production`'),
  commit: sha.describe('the commit about to be deployed'),
  since: sha.optional().describe('the commit deployed last'),
  commits: z
    .array(z.strictObject({ sha, patchId: z.string().regex(/^[0-9a-f]{40,64}$/).optional() }))
    .max(100_000)
    .describe('every commit in since..commit, including `commit` (the client resolves the range with git)'),
});

export const breakGlassBody = z.strictObject({
  env,
  commit: sha,
  reason: comment.min(1, 'breaking glass needs a reason'),
  incident: z.string().max(200).optional(),
  durationMinutes: z.int().min(1).max(24 * 60).optional().describe('how long `verify` passes for this commit (default 240)'),
});

export const auditEventsQuery = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).optional().describe('return events after this sequence number (paging)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().max(1000).optional().describe('event type, or several separated by commas (`deploy,verify.failed`)'),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  system: z.string().max(200).optional(),
  subject: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
});

export const auditVerifyBody = z.strictObject({
  checkpoint: z
    .strictObject({
      seq: z.int().min(1),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      at: z.string(),
      keyId: z.string(),
      signature: z.string(),
    })
    .optional()
    .describe('a checkpoint kept elsewhere: the log must still reach it with the same hash'),
  publicKey: z.string().max(10_000).optional().describe('PEM public key to check checkpoint signatures with'),
});

export const changesQuery = z.strictObject({
  verdict: z.enum(['allow', 'needs-approval', 'blocked']).optional(),
  system: z.string().max(200).optional(),
  current: z.enum(['true', 'false']).default('true').describe('only content that is the current content of its line'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const createTokenBody = z.strictObject({
  person: z.string().min(1).max(200).describe('catalog person id the token acts as'),
  role: z.enum(ROLES),
  expires: z.string().regex(/^\d{1,6}[smhdw]$/, 'a duration such as `90d`').optional(),
  label: z.string().max(200).optional(),
});

export const tokenIdParam = z.strictObject({ id: z.string().regex(/^[0-9a-f]{12}$/, 'a token id (12 hex digits)') });

export const reportQuery = z.strictObject({
  scope: z.string().max(200).default('all').describe('`all`, `org:ID`, `system:ID` or `person:ID` (a director or vp)'),
  from: z.iso.date().optional().describe('first day (UTC), default 12 weeks ago'),
  to: z.iso.date().optional().describe('last day (UTC), default today'),
});
