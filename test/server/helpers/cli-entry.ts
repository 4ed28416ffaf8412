/**
 * @module A `tollgate` process with the server commands (`serve`, `token`) registered, for tests
 * that need a real server process whatever the CLI bundle currently registers.
 */
import { Command, CommanderError } from 'commander';
import { register as registerServe } from '../../../src/cli/commands/serve.js';
import { register as registerToken } from '../../../src/cli/commands/token.js';
import { UsageError } from '../../../src/cli/cli-error.js';

const program = new Command('tollgate').exitOverride();
registerServe(program);
registerToken(program);
program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`tollgate: ${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
