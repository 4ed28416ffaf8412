/**
 * @module The deploy gate's answer for people: what passed and why, or each unapproved commit and what it lacks.
 */
import pc from 'picocolors';
import type { VerifyDeployResult } from '../../workflow/verify-deploy.js';
import { short } from '../../workflow/assess-commits.js';

/** Renders the gate's answer; `attestationPath` is where a pass's attestation was written. */
export function formatVerifyText(result: VerifyDeployResult, attestationPath: string | undefined, color: boolean): string {
  const c = pc.createColors(color);
  const target = `${result.commit.slice(0, 12)} to ${result.env}`;
  const lines: string[] = [];
  if (result.ok) {
    if (result.breakGlass) {
      const glass = result.breakGlass;
      lines.push(c.bold(c.red(`! verify passed by BREAK-GLASS #${glass.id}: ${target}`)));
      lines.push(c.red(`  by ${glass.person}: ${glass.reason}${glass.incident ? ` (incident ${glass.incident})` : ''}; override expires ${glass.expiresAt}, retro review due ${glass.reviewDueAt}`));
    } else {
      lines.push(`${c.green('✓')} verify passed: ${target}`);
    }
    const approvals = result.statement.predicate.approvals;
    for (const digest of result.changes) {
      const who = approvals.filter((approval) => approval.digest === digest).map((approval) => `${approval.person}${approval.kind === 'sign-off' ? ' (sign-off)' : ''}`);
      lines.push(`  change ${short(digest)}: approved by ${who.join(', ') || 'nobody (no approvals required)'}`);
    }
    lines.push(`  attestation: ${attestationPath ?? '(not written)'} · audit seq ${result.seq}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${c.red('✗')} verify failed: ${target}`);
  if (result.unapproved.length > 0) {
    lines.push(`unapproved commits (${result.unapproved.length}):`);
    for (const commit of result.unapproved) {
      lines.push(`  ${commit.sha.slice(0, 12)}  ${commit.reason}`);
      for (const missing of commit.missing) lines.push(`    - ${missing}`);
    }
  }
  for (const window of result.freezes) {
    lines.push(c.red(`change freeze \`${window.id}\` until ${window.until}${window.reason ? ` (${window.reason})` : ''} covers ${window.systems.join(', ')}`));
  }
  for (const error of result.errors) lines.push(c.red(`error: ${error}`));
  lines.push('nothing was attested: do not deploy. Get what is missing recorded, or in an emergency use `tollgate break-glass`');
  return `${lines.join('\n')}\n`;
}
