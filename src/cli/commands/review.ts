/**
 * @module `tollgate review`: run only the agentic review of a change (or print its request with `--dry-run`).
 */
import { Command, Option } from 'commander';
import { checkChange } from '../../app/check-change.js';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { assembleProviderRequest } from '../../review/assemble-provider-request.js';
import { assembleReviewRequest, type ReviewInput } from '../../review/assemble-review-request.js';
import { REVIEW_CACHE_DIR } from '../../review/file-review-cache.js';
import { formatReviewJson, formatReviewRequest, formatReviewText } from '../../review/format-review-outcome.js';
import { runConfiguredReview } from '../../review/run-configured-review.js';
import { addChangeSourceOptions, changeSourceOf, type ChangeSourceFlags } from '../change-source-options.js';
import { EXIT, UsageError } from '../cli-error.js';

interface ReviewFlags extends ChangeSourceFlags {
  dryRun?: boolean;
  cache: boolean;
  format: 'text' | 'json';
}

export function register(program: Command): void {
  const command = program
    .command('review')
    .description('run the agentic review of a change (exit 0 no high/critical findings, 1 findings or review unavailable, 2 error)');
  addChangeSourceOptions(command, 'review')
    .option('--dry-run', 'print the exact request that would be sent, and send nothing')
    .option('--no-cache', `do not read or write ${REVIEW_CACHE_DIR}`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: ReviewFlags) => {
      const cwd = process.cwd();
      const repoDir = flags.patch ? await findRepoRoot(cwd).catch(() => cwd) : await findRepoRoot(cwd);
      const { change, catalog, documentation, evaluation } = await checkChange({
        repoDir,
        ...changeSourceOf(flags),
        review: false, // this command runs the review itself, below
      });
      const config = catalog.review;
      if (!config) throw new UsageError('tollgate.yaml: no `review` section: configure a provider first (see docs/review.md)');
      const input: ReviewInput = { change, catalog, findings: evaluation.findings, documentation, provenance: evaluation.provenance };

      if (flags.dryRun) {
        const request = assembleReviewRequest(input, { tokenBudget: config.tokenBudget });
        const target = { provider: config.provider, model: config.model ?? config.command?.[0] ?? config.provider };
        process.stdout.write(formatReviewRequest(flags.format, request, assembleProviderRequest(request, config.maxOutputTokens), target));
        process.exitCode = EXIT.pass;
        return;
      }
      const { outcome, error } = await runConfiguredReview(input, config, { env: process.env, repoDir, cache: flags.cache });
      if (error !== undefined) throw new UsageError(`tollgate.yaml: ${error}`);
      process.stdout.write(flags.format === 'json' ? formatReviewJson(change.digest, outcome) : formatReviewText(outcome));
      const serious = outcome.status === 'completed' && outcome.findings.some((f) => f.severity === 'high' || f.severity === 'critical');
      process.exitCode = outcome.status === 'unavailable' || serious ? EXIT.fail : EXIT.pass;
    });
}
