/**
 * @module The JSON body of every error response.
 */
import * as z from 'zod';

export const errorSchema = z.object({
  error: z.object({
    status: z.int(),
    code: z.string().describe('machine-readable kind, e.g. `bad-request`, `forbidden`, `csrf`, `refused`'),
    message: z.string().describe('one lower-case line for people'),
    issues: z
      .array(z.object({ path: z.string().describe('dotted field path, e.g. `body.comment`'), message: z.string() }))
      .optional(),
  }),
});
