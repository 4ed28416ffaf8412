/**
 * @module The `tollgate` command line: registers the command being run and maps errors to exit codes.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, isUsageError } from './cli-error.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import { failIfUnfinished } from './fail-if-unfinished.js';

const program = new Command('tollgate')
  .description('Controlled friction between a code change and production, in proportion to its risk.')
  .version(process.env.TOLLGATE_VERSION ?? '0.1.0')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');

/** The command named on the command line, or every command when none is (help, typos). */
function commandsToLoad(argv: readonly string[]): CommandEntry[] {
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const named = COMMANDS.find((entry) => entry.name === name);
  return named ? [named] : COMMANDS;
}

async function main(): Promise<void> {
  for (const entry of commandsToLoad(process.argv)) (await entry.load()).register(program);
  await program.parseAsync(process.argv);
}

const run = main();
failIfUnfinished(run);
run.catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other parse problem is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.pass : EXIT.usage;
    return;
  }
  if (isUsageError(error)) {
    process.stderr.write(`tollgate: ${error.message}\n`);
  } else {
    process.stderr.write(`tollgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = EXIT.usage;
});
