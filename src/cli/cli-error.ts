/**
 * @module Errors the CLI maps to exit codes exactly once, in `main.ts`.
 */

/** Exit codes are a public interface: 0 gate passes, 1 gate does not pass, 2 usage/config/input error. */
export const EXIT = { pass: 0, fail: 1, usage: 2 } as const;

// Each command is its own bundle with its own copy of this class, so `instanceof` cannot tell
// across bundles; a registered symbol can.
const USAGE_ERROR = Symbol.for('tollgate.usage-error');

/** A problem with the user's input, arguments or configuration: printed without a stack, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly [USAGE_ERROR] = true;
}

/** True for a `UsageError` from any bundle. */
export function isUsageError(error: unknown): error is UsageError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[USAGE_ERROR] === true;
}
