/**
 * @module How workflow commands print: versioned JSON (`tollgate.<command>/v1`) or text, and refusals with their exit code.
 */
import pc from 'picocolors';
import type { Refusal } from '../app/workflow-gateway.js';
import { UsageError } from './cli-error.js';
import { useColor } from './use-color.js';

export { short } from '../workflow/assess-commits.js';

export type OutputFormat = 'text' | 'json';

/** Colours for stdout (a terminal only, never with NO_COLOR). */
export function stdoutColors(): ReturnType<typeof pc.createColors> {
  return pc.createColors(useColor(process.stdout));
}

/** Writes `{schema, ...body}` as indented JSON. */
export function printJson(schema: string, body: object): void {
  process.stdout.write(`${JSON.stringify({ schema, ...body }, null, 2)}\n`);
}

/**
 * Reports a refusal. Exit 2 (input, configuration) is thrown as a `UsageError`, printed once by
 * `main.ts`; exit 1 (policy) is an outcome: printed on stdout, as JSON in JSON mode.
 */
export function printRefusal(refusal: Refusal, format: OutputFormat, schema: string, what: string): void {
  if (refusal.exit === 2) throw new UsageError(refusal.reason);
  if (format === 'json') printJson(schema, { ok: false, code: refusal.code, reason: refusal.reason });
  else process.stdout.write(`${stdoutColors().red('✗')} ${what} refused: ${refusal.reason}\n`);
  process.exitCode = 1;
}
