/**
 * @module Changes: check, record, list, status, and the caller's queue.
 */
import * as z from 'zod';
import { computeChangeDigest } from '../../../core/digest.js';
import { evaluateChange } from '../../../core/evaluate-change.js';
import { changeStatus } from '../../../workflow/change-status.js';
import { recordChange, RecordRefusedError, type RecordChangeResult } from '../../../workflow/record-change.js';
import { badRequest, HttpError, notFound } from '../../http/http-error.js';
import { readChangeViews } from '../../read/read-change-views.js';
import { readRecordedChanges } from '../../read/read-recorded-changes.js';
import { readQueue } from '../../read/read-queue.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { changesQuery, checkChangeBody, digestParam, recordChangeBody } from '../schemas/request-schemas.js';

const evaluationResponse = z.object({ schema: z.literal('tollgate.check/v1') }).loose();

export function changeRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/changes/check',
      operationId: 'checkChange',
      summary: 'Evaluate a change under the server catalog without recording it',
      tag: 'changes',
      permission: 'changes:record',
      body: checkChangeBody,
      responses: { 200: { description: 'the evaluation (`tollgate.check/v1`, as `tollgate check --format json`)', schema: evaluationResponse } },
      handle: async ({ c, deps, body }) => {
        const evaluation = await evaluateChange({ change: body.change, catalog: deps.catalog, documentation: body.documentation, decisions: [], now: deps.now().toISOString(), notices: body.notices });
        return c.json({ schema: 'tollgate.check/v1', ...evaluation });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/changes',
      operationId: 'recordChange',
      summary: 'Evaluate a change under the server catalog and record it (`check --record`)',
      description: 'Idempotent by digest. New content of a line of work supersedes the old; its approvals become stale.',
      tag: 'changes',
      permission: 'changes:record',
      body: recordChangeBody,
      responses: {
        201: { description: 'recorded for the first time' },
        200: { description: 'already recorded (idempotent); `recorded.created` is false' },
        400: { description: 'invalid body, or `change.digest` is not the digest of `change.files`' },
        409: { description: 'refused (audited): a commit sha is already recorded with a different patch id' },
      },
      handle: async ({ c, deps, body, principal }) => {
        // Approvals bind to the digest, so it is never taken from the caller: it must be the files' own.
        const digest = computeChangeDigest(body.change.files);
        if (digest !== body.change.digest.toLowerCase()) {
          throw badRequest(`\`change.digest\` \`${body.change.digest}\` is not the digest of the submitted files (\`${digest}\`)`, [
            { path: 'body.change.digest', message: 'does not match the digest computed from `change.files`' },
          ]);
        }
        const now = deps.now().toISOString();
        const evaluation = await evaluateChange({ change: { ...body.change, digest }, catalog: deps.catalog, documentation: body.documentation, decisions: [], now, notices: body.notices });
        let result: RecordChangeResult;
        try {
          result = await recordChange(deps.store, evaluation, {
            now,
            actor: principal.person,
            catalog: deps.catalog,
            ...(body.lineKey ? { lineKey: body.lineKey } : {}),
            ...(body.rangePatchId ? { rangePatchId: body.rangePatchId } : {}),
          });
        } catch (error) {
          if (error instanceof RecordRefusedError) throw new HttpError(409, 'refused', error.message);
          throw error;
        }
        const recorded = {
          created: result.created,
          evaluationUpdated: result.evaluationUpdated,
          addedCommits: result.addedCommits,
          superseded: result.superseded,
          reinstated: result.reinstated,
          ...(result.evaluationKept ? { evaluationKept: true } : {}),
          reviewsClosed: result.reviewsClosed.map((record) => record.id),
        };
        return c.json({ schema: 'tollgate.check/v1', ...evaluation, recorded }, result.created ? 201 : 200);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/changes',
      operationId: 'listChanges',
      summary: 'Recorded changes with their current verdict, newest first',
      tag: 'changes',
      permission: 'changes:read',
      query: changesQuery,
      responses: { 200: { description: 'changes' } },
      handle: async ({ c, deps, query }) => {
        const changes = await readRecordedChanges(deps.store, query.system ? { system: query.system } : {});
        const views = await readChangeViews(deps.store, deps.catalog, changes);
        const selected = views
          .filter((view) => (query.current === 'true' ? view.current : true) && (!query.verdict || view.verdict === query.verdict))
          .reverse()
          .slice(0, query.limit);
        return c.json({
          changes: selected.map((view) => ({
            digest: view.change.digest,
            subject: view.change.evaluation.change.commits[0]?.subject ?? '',
            recordedAt: view.change.recordedAt,
            systems: view.change.systems,
            provenance: view.change.evaluation.provenance.level,
            verdict: view.verdict,
            current: view.current,
            missing: view.missing,
          })),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/changes/{digest}',
      operationId: 'changeStatus',
      summary: 'Status of a recorded change: every requirement, who approved, what is missing (`tollgate status`)',
      tag: 'changes',
      permission: 'changes:read',
      params: digestParam,
      responses: { 200: { description: 'the status (`tollgate.status/v1`)' }, 404: { description: 'no such change' } },
      handle: async ({ c, deps, params }) => {
        const status = await changeStatus(deps.store, params.digest.toLowerCase(), deps.catalog, deps.now().toISOString());
        if (!status.ok) {
          if (status.candidates.length > 1) throw new HttpError(409, 'conflict', status.reason);
          throw notFound(status.reason);
        }
        const { ok: _ok, ...rest } = status;
        return c.json({ schema: 'tollgate.status/v1', ...rest });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/queue',
      operationId: 'myQueue',
      summary: 'Changes waiting for the caller, riskiest first, with what is still missing',
      tag: 'changes',
      permission: 'changes:read',
      responses: { 200: { description: 'the queue' } },
      handle: async ({ c, deps, principal }) => {
        const queue = await readQueue(deps, principal);
        const entry = (e: (typeof queue.mine)[number]) => ({
          digest: e.status.change.digest,
          subject: e.status.change.evaluation.change.commits[0]?.subject ?? '',
          tier: e.tier,
          systems: e.status.change.systems,
          provenance: e.status.change.evaluation.provenance.level,
          criticalFindings: e.criticalFindings,
          verdict: e.status.verdict,
          asks: e.asks,
          missing: e.status.missing,
          risk: Math.round(e.risk),
        });
        return c.json({ person: principal.person, mine: queue.mine.map(entry), others: queue.others.map(entry) });
      },
    }),
  ];
}
