/**
 * @module The `tollgate` command line: registers one command per file and maps errors to exit codes.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './cli-error.js';
import { COMMANDS } from './commands/index.js';

const program = new Command('tollgate')
  .description('Controlled friction between a code change and production, in proportion to its risk.')
  .version(process.env.TOLLGATE_VERSION ?? '0.1.0')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');

for (const register of COMMANDS) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other parse problem is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.pass : EXIT.usage;
    return;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`tollgate: ${error.message}\n`);
  } else {
    process.stderr.write(`tollgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = EXIT.usage;
});
