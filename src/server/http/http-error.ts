/**
 * @module Expected HTTP outcomes (bad input, denied, not found) as one error type.
 *
 * Route code throws `HttpError`; the one error handler (`handle-error.ts`) turns it into a JSON
 * or HTML response, and records 401/403/429 as `access.denied` audit events.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem with a request field: a dotted path (`body.comment`, `query.limit`) and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not-found'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'conflict'
  | 'refused'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

export interface HttpErrorOptions {
  issues?: readonly FieldIssue[];
  headers?: Readonly<Record<string, string>>;
  /** Whether a 401/403/429 is written to the audit log (default true; false for repeats of a throttled flood). */
  audit?: boolean;
}

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly issues: readonly FieldIssue[];
  readonly headers: Readonly<Record<string, string>>;
  readonly audit: boolean;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    options: HttpErrorOptions = {},
  ) {
    super(message);
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
    this.audit = options.audit ?? true;
  }
}

/** 400 with the field issues. */
export function badRequest(message: string, issues: readonly FieldIssue[] = []): HttpError {
  return new HttpError(400, 'bad-request', message, { issues });
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not-found', message);
}

export function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}

export function unauthenticated(message: string): HttpError {
  return new HttpError(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer realm="tollgate"' } });
}

/** The JSON body of every error response (also in the OpenAPI document as `Error`). */
export interface ErrorBody {
  error: { status: number; code: ErrorCode; message: string; issues?: FieldIssue[] };
}

export function errorBody(error: HttpError): ErrorBody {
  return {
    error: {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.issues.length > 0 ? { issues: [...error.issues] } : {}),
    },
  };
}
