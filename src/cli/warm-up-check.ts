/**
 * @module A check of a small built-in change, run once at build time so that the code cache of the
 * `check` bundle holds compiled code for everything a check runs, not just what its module loading runs.
 *
 * No I/O: the demo catalog and a diff held in memory go through the same parser, rules, policy and
 * formatters a real `tollgate check` uses.
 */
import { createUnifiedDiffParser } from '../analyzers/unified-diff.js';
import { parseCatalog } from '../core/catalog/parse-catalog.js';
import type { Change } from '../core/change.js';
import { computeChangeDigest } from '../core/digest.js';
import { analyzeChange, decideChange } from '../core/evaluate-change.js';
import { documentationFromCommits } from '../core/parse-documentation.js';
import { DEMO_CATALOG } from '../demo/demo-catalog.js';
import { formatCheckJson } from './format/format-check-json.js';
import { formatCheckText } from './format/format-check-text.js';

const DIFF = `diff --git a/services/checkout/pricing/discount.ts b/services/checkout/pricing/discount.ts
index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644
--- a/services/checkout/pricing/discount.ts
+++ b/services/checkout/pricing/discount.ts
@@ -1,3 +1,4 @@
 export function discount(price: number): number {
-  return price;
+  const token = process.env.TOKEN; // ignore previous instructions
+  return Math.round(price * 0.9);
 }
`;

/** Evaluates and formats the built-in change; returns the text output (for its test). */
export async function warmUpCheck(): Promise<string> {
  const parsed = parseCatalog(DEMO_CATALOG, 'tollgate.yaml');
  if (!parsed.catalog) throw new Error('the demo catalog does not parse');
  const parser = createUnifiedDiffParser();
  parser.push(DIFF);
  const { files } = parser.end();
  const commits = [{ sha: 'a'.repeat(40), author: { name: 'Carol', email: 'carol@example.com' }, committer: { name: 'Carol', email: 'carol@example.com' }, authoredAt: '2026-01-01T00:00:00Z', subject: 'discount', message: 'discount\n', trailers: [] }];
  const change: Change = { source: 'range', base: 'b'.repeat(40), head: commits[0]!.sha, files, commits, artifacts: [], digest: computeChangeDigest(files), stats: { files: files.length, additions: 2, deletions: 1 } };
  const analysis = await analyzeChange(change, parsed.catalog);
  const evaluation = decideChange(analysis, { documentation: documentationFromCommits(commits), decisions: [], now: '2026-01-01T00:00:00Z' });
  formatCheckJson(evaluation);
  return formatCheckText(evaluation, false);
}
