/**
 * @module The `tollgate status` report for people: requirements, who approved, what is stale, missing or overdue.
 */
import pc from 'picocolors';
import type { StatusView } from '../../app/workflow-gateway.js';
import type { ApprovalRecord } from '../../core/approval.js';
import type { FreezeWindow } from '../../core/freezes/evaluate-freezes.js';
import { short } from '../../workflow/assess-commits.js';
import { describeRequirement } from './describe-requirement.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Renders a change's status; `color` is decided by the caller (TTY, NO_COLOR). */
export function formatStatusText(status: StatusView, color: boolean): string {
  const c = pc.createColors(color);
  const { change } = status;
  const subject = change.evaluation.change.commits.at(-1)?.subject;
  const lines = [`change ${short(change.digest)}${subject ? ` · ${subject}` : ''} · ${status.current ? 'current' : c.yellow(`superseded by ${short(status.currentDigest)}`)} · ${paintVerdict(c, status.verdict)}`];
  lines.push(`systems: ${change.evaluation.systems.map((system) => `${system.id} (tier ${system.tier})`).join(', ') || 'none'}`);
  lines.push(`recorded: ${change.recordedAt} · commits ${change.commits.map((commit) => commit.sha.slice(0, 7)).join(' ') || 'none'}`);
  for (const notice of status.notices) lines.push(c.yellow(`note: ${notice}`));
  if (status.requirements.length > 0) {
    lines.push('requirements:');
    const described = status.requirements.map((requirement) => ({ requirement, text: describeRequirement(requirement) }));
    const width = Math.max(...described.map((entry) => entry.text.length));
    for (const { requirement, text } of described) {
      const mark = requirement.satisfied ? c.green('✓') : requirement.enforcement === 'evaluate' ? c.yellow('~') : c.red('✗');
      lines.push(`  ${mark} ${text.padEnd(width)}    ${c.dim(requirement.reason)}`);
    }
  }
  lines.push(`approved by: ${status.approvals.length > 0 ? status.approvals.map(describeDecision).join('; ') : 'nobody yet'}`);
  if (status.stale.length > 0) {
    lines.push(c.yellow('stale approvals (earlier content; they no longer count):'));
    for (const decision of status.stale) lines.push(`  ${describeDecision(decision)} of ${short(decision.digest)}`);
  }
  if (status.rejections.length > 0) {
    lines.push(c.red('rejected by:'));
    for (const decision of status.rejections) lines.push(`  ${decision.person} at ${decision.at}: ${decision.comment ?? ''}`);
  }
  if (status.missing.length > 0) {
    lines.push('missing:');
    for (const line of status.missing) lines.push(`  - ${line}`);
  }
  for (const window of status.freezes.active) lines.push(c.red(`freeze in force: ${describeFreeze(window)}`));
  for (const window of status.freezes.upcoming) lines.push(c.yellow(`upcoming freeze that will block it: ${describeFreeze(window)}`));
  for (const review of status.retroReviews) {
    const glass = review.breakGlass;
    const head = `retro review of break-glass #${glass.id} (${glass.commit.slice(0, 7)} to ${glass.env} by ${glass.person}, due ${glass.reviewDueAt})`;
    if (review.state === 'overdue') lines.push(c.bold(c.red(`OVERDUE ${head}`)));
    else lines.push(`${review.state} ${head}`);
    for (const line of review.state === 'met' ? [] : review.missing) lines.push(`  - ${line}`);
  }
  lines.push(`verdict: ${paintVerdict(c, status.verdict)}`);
  return `${lines.join('\n')}\n`;
}

function describeDecision(decision: ApprovalRecord): string {
  const kind = decision.kind === 'sign-off' ? ` (sign-off${decision.role ? ` as ${decision.role}` : ''})` : '';
  const signed = decision.signature ? ', ssh-signed' : '';
  return `${decision.person}${kind} at ${decision.at}${signed}${decision.comment ? `: ${decision.comment}` : ''}`;
}

function describeFreeze(window: FreezeWindow): string {
  return `\`${window.id}\` ${window.from} → ${window.until}${window.reason ? ` (${window.reason})` : ''}${window.error ? ` — ${window.error}` : ''} on ${window.systems.join(', ')}`;
}

function paintVerdict(c: Colors, verdict: StatusView['verdict']): string {
  if (verdict === 'allow') return c.green(verdict);
  if (verdict === 'blocked') return c.bold(c.red(verdict));
  return c.yellow(verdict);
}
