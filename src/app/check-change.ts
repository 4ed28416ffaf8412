/**
 * @module The `check` use case: read the change, catalog and documentation, then evaluate (read → decide).
 */
import { readFile } from 'node:fs/promises';
import { readCatalogAtRevision, readCatalogFile } from '../catalog/read-catalog.js';
import { formatCatalogError, type ParseCatalogResult } from '../core/catalog/parse-catalog.js';
import { emptyCatalog, type Catalog } from '../core/catalog/catalog-schema.js';
import type { Artifact, Change } from '../core/change.js';
import type { Documentation } from '../core/documentation.js';
import { analyzeChange, decideChange, type ChangeAnalysis } from '../core/evaluate-change.js';
import type { ChangeEvaluation } from '../core/evaluation.js';
import type { ApprovalRecord } from '../core/approval.js';
import { documentationFromCommits, parseDocumentation } from '../core/parse-documentation.js';
import { isReviewRequired } from '../core/policy/review-required.js';
import { UsageError } from '../cli/cli-error.js';
import { readChange, type ReadChangeOptions } from '../git/read-change.js';
import { offloadHunkPrechecks } from './offload-hunk-prechecks.js';
import type { ReviewOutcome } from '../review/review-outcome.js';

/** Which change to read (`readChange`'s options), and what to evaluate it with. */
export interface CheckOptions extends Pick<ReadChangeOptions, 'repoDir' | 'base' | 'head' | 'staged' | 'worktree' | 'patch' | 'commitPatchIds'> {
  /** A catalog file to use instead of the base revision's `tollgate.yaml`. */
  catalogPath?: string;
  docPath?: string;
  /** Terraform plan JSON files (`terraform show -json`) to check beside the diff. */
  planPaths?: string[];
  decisions?: ApprovalRecord[];
  /** Run the agentic review when policy requires it (default true); `false` records it as skipped. */
  review?: boolean;
  /** Read and write the review cache (default true). */
  reviewCache?: boolean;
  /** ISO 8601; defaults to the current time (read here, at the edge, never in the core). */
  now?: string;
}

export interface CheckResult {
  change: Change;
  catalog: Catalog;
  /** Where the catalog came from: `--catalog`, the base revision, or nowhere (the empty catalog). */
  catalogSource: 'file' | 'base' | 'none';
  documentation: Documentation;
  evaluation: ChangeEvaluation;
  /** The full agentic review, when one completed (the evaluation carries its summary). */
  review?: ReviewOutcome;
}

/** Reads everything `check` needs and evaluates it. Throws `UsageError` for bad input. */
export async function checkChange(options: CheckOptions): Promise<CheckResult> {
  const { repoDir, base, head, staged, worktree, patch, commitPatchIds } = options;
  // The base's catalog is read while git is still writing the diff.
  let baseCatalog: { revision: string; read: Promise<ParseCatalogResult | undefined> } | undefined;
  const onBase = (revision: string): void => {
    if (options.catalogPath) return;
    const read = readCatalogAtRevision(repoDir, revision);
    read.catch(() => undefined); // awaited (and its error reported) after the change is read
    baseCatalog = { revision, read };
  };
  // The rules' quick tests of a large change run on another thread while git is still writing it.
  const prechecks = offloadHunkPrechecks();
  const change = await readChange({ repoDir, base, head, staged, worktree, patch, commitPatchIds, onBase, onFile: prechecks.add }).finally(prechecks.finish);
  const plans = await Promise.all((options.planPaths ?? []).map(readPlanArtifact));
  const withPlans: Change = plans.length > 0 ? { ...change, artifacts: [...change.artifacts, ...plans] } : change;
  const { catalog, notices, catalogSource } = await loadCatalog(options, withPlans, baseCatalog);
  const documentation = await loadDocumentation(options.docPath, withPlans);
  const analysis = await analyzeChange(withPlans, catalog);
  const review = await reviewIfRequired(analysis, documentation, options);
  const evaluation = decideChange(analysis, {
    documentation,
    decisions: options.decisions ?? [],
    now: options.now ?? new Date().toISOString(),
    ...(review ? { review } : {}),
    notices,
  });
  return { change: withPlans, catalog, catalogSource, documentation, evaluation, ...(review?.status === 'completed' ? { review } : {}) };
}

type RequiredReview = ReviewOutcome | { status: 'skipped'; reason: string };

/**
 * Runs the agentic review when policy requires it. Whatever keeps it from running (turned off,
 * key not set, provider down) is recorded as such and costs friction: it is never a silent pass.
 */
async function reviewIfRequired(analysis: ChangeAnalysis, documentation: Documentation, options: CheckOptions): Promise<RequiredReview | undefined> {
  const { catalog, change, findings, provenance } = analysis;
  if (!catalog.review || !isReviewRequired(catalog, analysis.systems.systems, provenance)) return undefined;
  if (options.review === false) return { status: 'skipped', reason: 'skipped with --no-review' };
  // Loaded only when a review runs: most checks never need the reviewer's code.
  const { runConfiguredReview } = await import('../review/run-configured-review.js');
  const result = await runConfiguredReview({ change, catalog, findings, documentation, provenance }, catalog.review, {
    env: process.env,
    repoDir: options.repoDir,
    cache: options.reviewCache !== false,
  });
  if (result.error !== undefined) {
    return {
      status: 'unavailable',
      reason: result.error,
      model: catalog.review.model ?? catalog.review.provider,
      provider: catalog.review.provider,
      promptVersion: '',
      attempts: 0,
      usage: { inputTokens: 0, outputTokens: 0 },
      latencyMs: 0,
    };
  }
  return result.outcome;
}

/**
 * The change never judges itself: the catalog comes from `--catalog` or the base revision, never
 * from the change under review.
 */
async function loadCatalog(
  options: CheckOptions,
  change: Change,
  started?: { revision: string; read: Promise<ParseCatalogResult | undefined> },
): Promise<{ catalog: Catalog; notices: string[]; catalogSource: CheckResult['catalogSource'] }> {
  const notices: string[] = [];
  const editsCatalog = change.files.some((file) => file.path === 'tollgate.yaml' || file.oldPath === 'tollgate.yaml');
  if (options.catalogPath) {
    const result = await readCatalogFile(options.catalogPath);
    if (result.errors) throw new UsageError(result.errors.map(formatCatalogError).join('\n'));
    if (editsCatalog) notices.push(`the change edits tollgate.yaml; it was evaluated under \`${options.catalogPath}\``);
    return { catalog: result.catalog, notices, catalogSource: 'file' };
  }
  const baseRevision = change.source === 'patch' ? 'HEAD' : change.base;
  const result = await (started?.revision === baseRevision ? started.read : readCatalogAtRevision(options.repoDir, baseRevision));
  if (result === undefined) {
    notices.push('no tollgate.yaml at the base revision: every file is tier 3 and nobody is known (run `tollgate init`)');
    return { catalog: emptyCatalog(), notices, catalogSource: 'none' };
  }
  if (result.errors) throw new UsageError(result.errors.map(formatCatalogError).join('\n'));
  if (editsCatalog) notices.push('the change edits tollgate.yaml; it was evaluated under the base revision\'s catalog, not its own');
  return { catalog: result.catalog, notices, catalogSource: 'base' };
}

async function loadDocumentation(docPath: string | undefined, change: Change): Promise<Documentation> {
  if (!docPath) return documentationFromCommits(change.commits);
  const text = await readInput(docPath, 'documentation file');
  return parseDocumentation(text, 'file', docPath);
}

async function readPlanArtifact(path: string): Promise<Artifact> {
  return { kind: 'terraform-plan', path, content: await readInput(path, 'plan file'), external: true };
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`cannot read ${what} \`${path}\`: ${reason}`);
  }
}
