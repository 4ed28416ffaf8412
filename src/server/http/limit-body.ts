/**
 * @module The request body limit, without building a web stream for a body whose length is declared.
 *
 * hono's `bodyLimit` starts with `c.req.raw.body`: on Node that turns the adapter's lightweight
 * request into a full web `Request` with a `ReadableStream` over the socket, which cost about as
 * much as the rest of a `verify` call's HTTP handling. A declared `Content-Length` (nearly every
 * client sends one) is checked from the header instead, and the body is later read straight from
 * the socket; node's HTTP parser never reads past a declared `Content-Length`. A chunked body, or
 * one built in process without the header (`app.request`), still goes through hono's count.
 */
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBody(maxSize: number, onError: (c: Context) => never): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c: Context, next: Next) => {
    const chunked = c.req.header('transfer-encoding') !== undefined;
    const length = c.req.header('content-length');
    if (!chunked && length !== undefined) return Number.parseInt(length, 10) > maxSize ? onError(c) : next();
    // GET and HEAD carry no body to count; anything else without a declared length is counted as it streams.
    if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return counted(c, next);
  };
}
