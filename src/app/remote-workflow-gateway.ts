/**
 * @module The workflow through a Tollgate server's HTTP API (`TOLLGATE_SERVER` + `TOLLGATE_TOKEN`).
 *
 * The server decides who acts (the token's person) and what time it is; this side maps its
 * answers onto the same data and exit codes as local mode. Answers are checked at this edge:
 * a body of the wrong shape is an error, never a pass.
 */
import * as z from 'zod';
import { ServerUnreachableError, type ApiResult, type TollgateClient } from '../client/tollgate-client.js';
import type { ChangeEvaluation } from '../core/evaluation.js';
import type { AuditEvent, AuditVerifyResult, BreakGlassRecord, Checkpoint } from '../store/store.js';
import type { VerifyDeployResult } from '../workflow/verify-deploy.js';
import { refusal, type Answer, type Decided, type Identity, type Recorded, type Refusal, type StatusView, type WorkflowGateway } from './workflow-gateway.js';

const decidedSchema = z.object({
  digest: z.string(),
  person: z.string(),
  kind: z.enum(['approve', 'sign-off', 'reject', 'withdraw']),
  role: z.enum(['director', 'vp']).optional(),
  alreadyRecorded: z.boolean(),
});
const recordedSchema = z.object({
  schema: z.literal('tollgate.check/v1'),
  change: z.object({ digest: z.string() }).loose(),
  verdict: z.enum(['allow', 'needs-approval', 'blocked']),
  recorded: z.object({
    created: z.boolean(),
    evaluationUpdated: z.boolean(),
    addedCommits: z.array(z.string()),
    superseded: z.array(z.string()),
    reinstated: z.boolean(),
    reviewsClosed: z.array(z.number()),
  }),
}).loose();
const schemaOf = (schema: string) => z.object({ schema: z.literal(schema) }).loose();
const whoamiSchema = z.object({ person: z.string(), role: z.string(), ai: z.boolean() }).loose();
const eventsSchema = z.object({ events: z.array(z.object({ seq: z.number(), type: z.string() }).loose()), nextAfterSeq: z.number().optional() });
const checkpointSchema = z.object({ seq: z.number(), hash: z.string(), at: z.string(), keyId: z.string(), signature: z.string(), publicKey: z.string().optional() }).loose();

/** The largest page the API serves. */
const PAGE = 1000;

export function remoteWorkflowGateway(client: TollgateClient, server: string): WorkflowGateway {
  let me: Promise<Answer<Identity>> | undefined;
  const whoami = (): Promise<Answer<Identity>> =>
    (me ??= call(() => client.whoami(), whoamiSchema).then((answer) => (answer.ok ? { ok: true, value: { person: answer.value.person, source: 'token' } } : answer)));

  return {
    mode: 'server',
    location: server,
    async identify(as) {
      const identity = await whoami();
      if (!identity.ok || as === undefined || as.trim() === identity.value.person) return identity;
      return refusal(2, 'identity-mismatch', `the server acts as the token's person \`${identity.value.person}\`; \`--as ${as}\` does not match (use that person's token)`);
    },
    async resolve(digestOrPrefix) {
      const status = await call(() => client.status(digestOrPrefix), schemaOf('tollgate.status/v1').extend({ change: z.object({ digest: z.string() }).loose() }));
      return status.ok ? { ok: true, value: status.value.change.digest } : status;
    },
    async record(request) {
      const answer = await call(
        () =>
          client.recordChange({
            change: request.change,
            documentation: request.documentation,
            ...(request.lineKey ? { lineKey: request.lineKey } : {}),
            ...(request.rangePatchId ? { rangePatchId: request.rangePatchId } : {}),
            notices: [],
          }),
        recordedSchema,
      );
      if (!answer.ok) return answer;
      const { schema: _schema, recorded, ...evaluation } = answer.value;
      return { ok: true, value: { evaluation: evaluation as unknown as ChangeEvaluation, recorded } satisfies Recorded };
    },
    async decide(request) {
      const digest = request.digestOrPrefix;
      const send = (): Promise<ApiResult<unknown>> => {
        switch (request.kind) {
          case 'approve':
            return client.approve(digest, body(request.comment, request.signature));
          case 'sign-off':
            return client.signOff(digest, body(request.comment, request.signature));
          case 'reject':
            return client.reject(digest, request.reason ?? '');
          case 'withdraw':
            return client.withdraw(digest, request.comment);
        }
      };
      const answer = await call(send, decidedSchema);
      return answer.ok ? { ok: true, value: answer.value as Decided } : answer;
    },
    async status(digestOrPrefix) {
      const answer = await call(() => client.status(digestOrPrefix), schemaOf('tollgate.status/v1'));
      if (!answer.ok) return answer;
      const { schema: _schema, ...view } = answer.value;
      return { ok: true, value: view as unknown as StatusView };
    },
    async verify(request) {
      // A failing gate answers 409 with the same body as a pass: both are the gate's answer.
      const result = await send(() => client.verify({ env: request.env, commit: request.commit, ...(request.since ? { since: request.since } : {}), commits: request.commits }));
      if ('exit' in result) return result;
      if (!result.ok && !(result.status === 409 && isSchema(result.body, 'tollgate.verify/v1'))) return refusalOf(result);
      const parsed = schemaOf('tollgate.verify/v1').extend({ ok: z.boolean() }).safeParse(result.body);
      if (!parsed.success) return refusal(2, 'bad-answer', `the server's verify answer is not \`tollgate.verify/v1\``);
      const { schema: _schema, ...verdict } = parsed.data;
      return { ok: true, value: verdict as unknown as VerifyDeployResult };
    },
    async breakGlass(request) {
      const answer = await call(
        () => client.breakGlass({ env: request.env, commit: request.commit, reason: request.reason, ...(request.incident ? { incident: request.incident } : {}), ...(request.durationMinutes ? { durationMinutes: request.durationMinutes } : {}) }),
        schemaOf('tollgate.break-glass/v1').extend({ id: z.number(), expiresAt: z.string(), reviewDueAt: z.string() }),
      );
      if (!answer.ok) return answer;
      const { schema: _schema, ...record } = answer.value;
      return { ok: true, value: record as unknown as BreakGlassRecord };
    },
    async auditEvents(query) {
      const wanted = query.limit ?? 1000;
      const events: AuditEvent[] = [];
      let afterSeq = query.afterSeq;
      while (events.length < wanted) {
        const page = await call(
          () =>
            client.auditEvents({
              limit: Math.min(PAGE, wanted - events.length),
              afterSeq,
              type: query.types?.[0],
              since: query.since,
              until: query.until,
              system: query.system,
              subject: query.subject,
              actor: query.actor,
            }),
          eventsSchema,
        );
        if (!page.ok) return page;
        events.push(...(page.value.events as unknown as AuditEvent[]));
        if (page.value.nextAfterSeq === undefined) break;
        afterSeq = page.value.nextAfterSeq;
      }
      return { ok: true, value: events };
    },
    async auditVerify(options) {
      const answer = await call(() => client.auditVerify(options.checkpoint, options.publicKey), schemaOf('tollgate.audit-verify/v1').extend({ ok: z.boolean() }));
      if (!answer.ok) return answer;
      const { schema: _schema, ...result } = answer.value;
      return { ok: true, value: result as unknown as AuditVerifyResult };
    },
    async checkpoint() {
      const answer = await call(() => client.createCheckpoint(), checkpointSchema);
      if (!answer.ok) return answer;
      const { seq, hash, at, keyId, signature, publicKey } = answer.value;
      const checkpoint: Checkpoint = { seq, hash, at, keyId, signature };
      return { ok: true, value: { checkpoint, ...(publicKey ? { publicKey } : {}) } };
    },
    close: async () => undefined,
  };
}

function body(comment: string | undefined, signature: string | undefined): { comment?: string; signature?: string } {
  return { ...(comment ? { comment } : {}), ...(signature ? { signature } : {}) };
}

/** Sends a request; an unreachable server or a non-JSON answer is a refusal (exit 2), never a throw. */
async function send<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T> | Refusal> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ServerUnreachableError) return refusal(2, 'unreachable', error.message);
    throw error;
  }
}

/** Sends a request and checks a successful answer's shape. */
async function call<S extends z.ZodType>(request: () => Promise<ApiResult<unknown>>, schema: S): Promise<Answer<z.infer<S>>> {
  const result = await send(request);
  if (!result.ok) return refusalOf(result);
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refusal(2, 'bad-answer', `the server answered something unexpected: field \`${issue?.path.join('.') || '(root)'}\`: ${issue?.message.toLowerCase() ?? 'invalid'}`);
  }
  return { ok: true, value: parsed.data };
}

/**
 * Exit codes of API errors: a bad reference, request or token is an input error (2); a refusal by
 * policy or permission is 1. An ambiguous prefix answers 409 `conflict`, a policy refusal 409 `refused`.
 */
function refusalOf(result: Refusal | (ApiResult<unknown> & { ok: false })): Refusal {
  if ('exit' in result) return result;
  const { status, error } = result;
  if (status === 401) return refusal(2, 'unauthenticated', `${error.message} (check TOLLGATE_TOKEN)`);
  if (status === 403) return refusal(1, error.code || 'forbidden', error.message);
  if (status === 409) return error.code === 'conflict' ? refusal(2, 'ambiguous', error.message) : refusal(1, error.code || 'refused', error.message);
  if (status === 404) return refusal(2, 'not-found', error.message);
  if (status === 503) return refusal(1, 'unavailable', error.message);
  return refusal(2, error.code || `http-${status}`, `the server answered ${status}: ${error.message}`);
}

function isSchema(body: unknown, schema: string): boolean {
  return typeof body === 'object' && body !== null && (body as { schema?: unknown }).schema === schema;
}
