/**
 * @module The HTTP client the CLI uses when `TOLLGATE_SERVER` and `TOLLGATE_TOKEN` are set.
 *
 * Thin by design: one method per API route, JSON in and out, the server's answer returned as
 * data (`ok`/`status`/`body`) so each command maps it to the same output and exit code as in
 * local mode. Only transport failures throw (`ServerUnreachableError`).
 */
import type { ChangeEvaluation } from '../core/evaluation.js';

export interface ClientOptions {
  /** Base URL, e.g. `https://tollgate.example.com`. */
  server: string;
  token: string;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The JSON error body every non-2xx answer carries (see the OpenAPI `Error` schema). */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string; issues?: { path: string; message: string }[] };
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiErrorBody['error']; body: unknown };

/** The server could not be reached or answered something that is not JSON: a usage/infra error (exit 2). */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

export type RecordResponse = ChangeEvaluation & {
  schema: 'tollgate.check/v1';
  recorded?: { created: boolean; evaluationUpdated: boolean; addedCommits: string[]; superseded: string[]; reinstated: boolean; reviewsClosed: number[] };
};

export interface DecisionResponse {
  digest: string;
  person: string;
  kind: 'approve' | 'sign-off' | 'reject' | 'withdraw';
  role?: 'director' | 'vp';
  alreadyRecorded: boolean;
}

export class TollgateClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.base = options.server.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? fetch;
  }

  /** Sends one request; resolves with the parsed answer whatever its status. */
  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.doFetch(`${this.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new ServerUnreachableError(`cannot reach the tollgate server \`${this.base}\`: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ServerUnreachableError(`the tollgate server \`${this.base}\` answered ${response.status} with something that is not json`);
    }
    if (response.ok) return { ok: true, status: response.status, body: json as T };
    const error = isErrorBody(json) ? json.error : { status: response.status, code: 'unknown', message: `http ${response.status}` };
    return { ok: false, status: response.status, error, body: json };
  }

  /** The server's answer as text (CSV exports). */
  async requestText(path: string): Promise<{ ok: boolean; status: number; text: string }> {
    try {
      const response = await this.doFetch(`${this.base}${path}`, { headers: { Authorization: `Bearer ${this.options.token}` }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
      return { ok: response.ok, status: response.status, text: await response.text() };
    } catch (error) {
      throw new ServerUnreachableError(`cannot reach the tollgate server \`${this.base}\`: ${(error as Error).message}`);
    }
  }

  whoami() {
    return this.request<{ person: string; role: string; ai: boolean; via: string }>('GET', '/api/whoami');
  }
  checkChange(body: { change: unknown; documentation?: unknown; notices?: string[] }) {
    return this.request<RecordResponse>('POST', '/api/changes/check', body);
  }
  recordChange(body: { change: unknown; documentation?: unknown; lineKey?: string; rangePatchId?: string; notices?: string[] }) {
    return this.request<RecordResponse>('POST', '/api/changes', body);
  }
  status(digest: string) {
    return this.request<Record<string, unknown>>('GET', `/api/changes/${encodeURIComponent(digest)}`);
  }
  queue() {
    return this.request<Record<string, unknown>>('GET', '/api/queue');
  }
  approve(digest: string, body: { comment?: string; signature?: string } = {}) {
    return this.request<DecisionResponse>('POST', `/api/changes/${encodeURIComponent(digest)}/approvals`, body);
  }
  signOff(digest: string, body: { comment?: string; signature?: string } = {}) {
    return this.request<DecisionResponse>('POST', `/api/changes/${encodeURIComponent(digest)}/sign-offs`, body);
  }
  reject(digest: string, reason: string) {
    return this.request<DecisionResponse>('POST', `/api/changes/${encodeURIComponent(digest)}/rejections`, { reason });
  }
  withdraw(digest: string, comment?: string) {
    return this.request<DecisionResponse>('POST', `/api/changes/${encodeURIComponent(digest)}/withdrawals`, comment ? { comment } : {});
  }
  verify(body: { env: string; commit: string; since?: string; commits: { sha: string; patchId?: string }[] }) {
    return this.request<Record<string, unknown> & { ok: boolean }>('POST', '/api/verify', body);
  }
  breakGlass(body: { env: string; commit: string; reason: string; incident?: string; durationMinutes?: number }) {
    return this.request<Record<string, unknown>>('POST', '/api/break-glass', body);
  }
  auditEvents(query: Record<string, string | number | undefined> = {}) {
    const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const suffix = params.size > 0 ? `?${params.toString()}` : '';
    return this.request<{ events: unknown[]; nextAfterSeq?: number }>('GET', `/api/audit/events${suffix}`);
  }
  auditVerify(checkpoint?: unknown, publicKey?: string) {
    return checkpoint || publicKey
      ? this.request<Record<string, unknown> & { ok: boolean }>('POST', '/api/audit/verify', { ...(checkpoint ? { checkpoint } : {}), ...(publicKey ? { publicKey } : {}) })
      : this.request<Record<string, unknown> & { ok: boolean }>('GET', '/api/audit/verify');
  }
  latestCheckpoint() {
    return this.request<Record<string, unknown>>('GET', '/api/audit/checkpoints/latest');
  }
  createCheckpoint() {
    return this.request<Record<string, unknown>>('POST', '/api/audit/checkpoints');
  }
  catalog() {
    return this.request<{ policyDigest: string; catalog: unknown }>('GET', '/api/catalog');
  }
  createToken(body: { person: string; role: string; expires?: string; label?: string }) {
    return this.request<{ token: string; id: string; person: string; role: string; expiresAt?: string }>('POST', '/api/tokens', body);
  }
  listTokens() {
    return this.request<{ tokens: Record<string, unknown>[] }>('GET', '/api/tokens');
  }
  revokeToken(id: string) {
    return this.request<{ id: string; revoked: boolean }>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
  }
  guard(body: unknown) {
    return this.request<Record<string, unknown>>('POST', '/api/guard', body);
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiErrorBody).error?.message === 'string';
}

/** A client when both `TOLLGATE_SERVER` and `TOLLGATE_TOKEN` are set; undefined for local mode. */
export function clientFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): TollgateClient | undefined {
  const server = env.TOLLGATE_SERVER?.trim();
  const token = env.TOLLGATE_TOKEN?.trim();
  if (!server || !token) return undefined;
  return new TollgateClient({ server, token });
}
