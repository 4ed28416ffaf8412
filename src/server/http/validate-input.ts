/**
 * @module Validating request bodies, queries and params with zod, at the edge.
 *
 * A failure is a 400 listing every issue with its field path, e.g. `body.reason: too small`.
 */
import type { Context } from 'hono';
import * as z from 'zod';
import { badRequest, HttpError, type FieldIssue } from './http-error.js';

/** Field issues of a zod error, each path prefixed with where the value came from. */
export function describeIssues(error: z.ZodError, where: 'body' | 'query' | 'params' | 'form'): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message.charAt(0).toLowerCase() + issue.message.slice(1),
  }));
}

/** Parses `value` with `schema` or throws a 400 naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params' | 'form'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = describeIssues(result.error, where);
  throw badRequest(`invalid ${where}: ${issues.map((i) => `\`${i.path}\` ${i.message}`).join('; ')}`, issues);
}

/** Reads a JSON body (content type `application/json` required) and validates it. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported-media-type', 'the request body must be json (`content-type: application/json`)');
  }
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.length === 0 ? undefined : JSON.parse(text);
  } catch (error) {
    throw badRequest(`the request body is not valid json: ${(error as Error).message}`, [{ path: 'body', message: 'not valid json' }]);
  }
  if (json === undefined) throw badRequest('the request body is empty', [{ path: 'body', message: 'required' }]);
  return validate(schema, json, 'body');
}

/** Validates the query string (single values; repeated keys keep the last). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return validate(schema, c.req.query(), 'query');
}
