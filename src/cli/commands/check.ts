/**
 * @module `tollgate check`: what a change needs before it may ship, and why.
 */
import { Command, Option } from 'commander';
import { checkChange } from '../../app/check-change.js';
import { findRepoRoot } from '../../app/find-repo-root.js';
import type { Recorded } from '../../app/workflow-gateway.js';
import { clientFromEnv } from '../../client/tollgate-client.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { EXIT, UsageError } from '../cli-error.js';
import { CHECK_SCHEMA, formatCheckJson } from '../format/format-check-json.js';
import { formatCheckMarkdown } from '../format/format-check-markdown.js';
import { formatCheckSarif } from '../format/format-check-sarif.js';
import { formatCheckText } from '../format/format-check-text.js';
import { formatRecordedText } from '../format/format-recorded-text.js';
import { printRefusal } from '../print-outcome.js';
import { useColor } from '../use-color.js';
import { addChangeSourceOptions, changeSourceOf, type ChangeSourceFlags } from '../change-source-options.js';

interface CheckFlags extends ChangeSourceFlags {
  review: boolean;
  reviewCache: boolean;
  format: 'text' | 'json' | 'sarif' | 'markdown';
  record?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('check')
    .description('show what a change needs before it may ship, and why (exit 0 allow, 1 needs approval or blocked, 2 error)');
  addChangeSourceOptions(command, 'check')
    .option('--no-review', 'do not run the agentic review (where policy requires it, this stays an unmet requirement)')
    .option('--no-review-cache', 'do not reuse a cached agentic review of the same content')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
    .option('--record', 'also store the change (locally, or on $TOLLGATE_SERVER) so it can be approved and deployed; idempotent')
    .action(async (flags: CheckFlags) => {
      const cwd = process.cwd();
      const repoDir = flags.patch ? await findRepoRoot(cwd).catch(() => cwd) : await findRepoRoot(cwd);
      const checked = await checkChange({
        repoDir,
        ...changeSourceOf(flags),
        // Per-commit patch ids only matter to a recorded change (they recognise its deploys).
        commitPatchIds: Boolean(flags.record),
        // A server evaluates a recorded change itself: the local reviewer would only cost time.
        review: flags.review && !(flags.record && clientFromEnv()),
        reviewCache: flags.reviewCache,
      });
      let evaluation = checked.evaluation;
      let recorded: (Recorded & { location: string }) | undefined;
      if (flags.record) {
        // Without a catalog everything is tier 3 and nobody is known: nothing sound to approve against.
        if (checked.catalogSource === 'none' && !clientFromEnv()) {
          throw new UsageError('cannot record: there is no tollgate.yaml at the base revision (write one with `tollgate init`, or pass --catalog FILE)');
        }
        // The store and workflow load only for `--record`.
        const { recordCheckedChange } = await import('../record-checked-change.js');
        const answer = await recordCheckedChange(checked, { cwd, ...(flags.patch ? {} : { repoDir }), ...(flags.catalog ? { catalogPath: flags.catalog } : {}) });
        if (!answer.ok) return printRefusal(answer, flags.format === 'json' ? 'json' : 'text', CHECK_SCHEMA, 'recording');
        ({ evaluation } = answer.value);
        recorded = answer.value;
      }
      const output =
        flags.format === 'json'
          ? recorded
            ? `${JSON.stringify({ schema: CHECK_SCHEMA, ...evaluation, recorded: recorded.recorded }, null, 2)}\n`
            : formatCheckJson(evaluation)
          : flags.format === 'sarif'
            ? formatCheckSarif(evaluation, new Map(BUILTIN_RULES.map((rule) => [rule.id, rule.description])), program.version() ?? '0.0.0')
            : flags.format === 'markdown'
              ? formatCheckMarkdown(evaluation)
              : formatCheckText(evaluation, useColor(process.stdout));
      process.stdout.write(output);
      if (recorded && flags.format !== 'json') (flags.format === 'text' ? process.stdout : process.stderr).write(formatRecordedText(evaluation.change.digest, recorded.recorded, recorded.location));
      process.exitCode = evaluation.verdict === 'allow' ? EXIT.pass : EXIT.fail;
    });
}

/** Run at build time before the code cache of this command is written (see scripts/write-code-cache.cjs). */
export { warmUpCheck as warmUp } from '../warm-up-check.js';
