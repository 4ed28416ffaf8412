/**
 * @module The order in which changed files are offered to the reviewer when the budget is tight.
 *
 * Riskiest first: files with the most severe deterministic findings, then critical paths, then
 * migrations and infrastructure plans, then by tier (1 before 3), then smaller files (more of the
 * change fits), then by path so the order — and the request — is deterministic.
 */
import type { Tier } from '../core/catalog/catalog-schema.js';
import type { SystemIndex } from '../core/catalog/system-index.js';
import type { Change, ChangedFile } from '../core/change.js';
import { severityRank, type Finding } from '../core/finding.js';

export interface RankedFile {
  file: ChangedFile;
  tier: Tier;
  critical: boolean;
  systems: string[];
  /** Severity rank of the worst deterministic finding on this file; -1 when none. */
  worstFinding: number;
  migrationOrPlan: boolean;
}

const MIGRATION_OR_PLAN = [/(^|\/)migrations?\//i, /(^|\/)migrate\//i, /\.sql$/i, /\.tf$/i, /\.tfvars$/i, /(^|\/)[^/]*plan[^/]*\.json$/i];

function isMigrationOrPlan(file: ChangedFile, artifactPaths: ReadonlySet<string>): boolean {
  return artifactPaths.has(file.path) || MIGRATION_OR_PLAN.some((pattern) => pattern.test(file.path));
}

/** Ranks the change's files riskiest first. Pure. */
export function rankReviewFiles(change: Change, index: SystemIndex, findings: readonly Finding[]): RankedFile[] {
  const worst = new Map<string, number>();
  for (const finding of findings) {
    if (finding.file === undefined) continue;
    worst.set(finding.file, Math.max(worst.get(finding.file) ?? -1, severityRank(finding.severity)));
  }
  const artifactPaths = new Set(change.artifacts.filter((a) => !a.external).map((a) => a.path));
  const ranked = change.files.map((file): RankedFile => {
    const paths = file.oldPath && file.oldPath !== file.path ? [file.path, file.oldPath] : [file.path];
    const matches = paths.flatMap((path) => index.match(path));
    return {
      file,
      tier: Math.min(...paths.map((path) => index.tierOf(path))) as Tier,
      critical: matches.some((m) => m.critical),
      systems: [...new Set(matches.map((m) => m.system.id))].sort(),
      worstFinding: Math.max(...paths.map((path) => worst.get(path) ?? -1)),
      migrationOrPlan: isMigrationOrPlan(file, artifactPaths),
    };
  });
  return ranked.sort(
    (a, b) =>
      b.worstFinding - a.worstFinding ||
      Number(b.critical) - Number(a.critical) ||
      Number(b.migrationOrPlan) - Number(a.migrationOrPlan) ||
      a.tier - b.tier ||
      a.file.additions + a.file.deletions - (b.file.additions + b.file.deletions) ||
      (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0),
  );
}
