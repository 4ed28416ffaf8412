/**
 * @module Errors the CLI maps to exit codes exactly once, in `main.ts`.
 */

/** Exit codes are a public interface: 0 gate passes, 1 gate does not pass, 2 usage/config/input error. */
export const EXIT = { pass: 0, fail: 1, usage: 2 } as const;

/** A problem with the user's input, arguments or configuration: printed without a stack, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
