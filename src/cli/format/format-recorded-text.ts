/**
 * @module What `check --record` stored, in a few lines after the check report.
 */
import type { RecordSummary } from '../../app/workflow-gateway.js';
import { short } from '../../workflow/assess-commits.js';

export function formatRecordedText(digest: string, recorded: RecordSummary, location: string): string {
  const lines = [
    recorded.created
      ? `recorded change ${short(digest)} in ${location}: approve it with \`tollgate approve ${short(digest)}\``
      : `change ${short(digest)} was already recorded in ${location}${recorded.evaluationUpdated || recorded.addedCommits.length > 0 ? '' : ': nothing new'}`,
  ];
  if (recorded.evaluationUpdated) lines.push('  re-evaluated under a different catalog');
  if (!recorded.created && recorded.addedCommits.length > 0) lines.push(`  added ${recorded.addedCommits.length} commit${recorded.addedCommits.length === 1 ? '' : 's'} with the same content (a rebase keeps its approvals)`);
  if (recorded.reinstated) lines.push('  it is the current content again: its own approvals count again');
  for (const old of recorded.superseded) lines.push(`  superseded ${short(old)}: approvals of that content are now stale`);
  if (recorded.reviewsClosed.length > 0) lines.push(`  closed break-glass retro review${recorded.reviewsClosed.length === 1 ? '' : 's'} ${recorded.reviewsClosed.map((id) => `#${id}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
