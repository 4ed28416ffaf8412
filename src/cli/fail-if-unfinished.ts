/**
 * @module A command that never finished must not exit 0.
 *
 * Node ends a process once nothing is left to wait for, even while a promise is still pending,
 * and its exit code is then 0: the code of a passing gate. A command whose work stopped that way
 * (a bug: an awaited promise that nothing will ever settle) would read as "allow" to a pipeline.
 * This turns such an exit into an internal error (exit 2), saying so.
 */
import { EXIT } from './cli-error.js';

/** Watches `command` (the whole run of a command): if the process exits before it settles, exit 2. */
export function failIfUnfinished(command: Promise<unknown>, stderr: NodeJS.WritableStream = process.stderr): void {
  let settled = false;
  const settle = (): void => void (settled = true);
  command.then(settle, settle);
  process.once('exit', () => {
    if (settled) return;
    stderr.write('tollgate: internal error: the command stopped before it finished (nothing was left to wait for); treat its result as unknown\n');
    process.exitCode = EXIT.usage;
  });
}
