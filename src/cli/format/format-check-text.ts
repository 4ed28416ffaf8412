/**
 * @module The `tollgate check` report for people: short, aligned, coloured on a terminal only.
 */
import pc from 'picocolors';
import type { ChangeEvaluation } from '../../core/evaluation.js';
import type { Severity } from '../../core/finding.js';
import { describeRequirement } from './describe-requirement.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Renders the evaluation as the text report; `color` is decided by the caller (TTY, NO_COLOR). */
export function formatCheckText(evaluation: ChangeEvaluation, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [headline(evaluation)];
  lines.push(`systems: ${evaluation.systems.length > 0 ? evaluation.systems.map(describeSystem).join(', ') : 'none'}`);
  if (evaluation.review) lines.push(describeReview(evaluation.review));
  for (const notice of evaluation.notices) lines.push(c.yellow(`note: ${notice}`));
  if (evaluation.findings.length > 0) {
    lines.push('findings:');
    const ruleWidth = Math.max(...evaluation.findings.map((finding) => finding.rule.length));
    for (const finding of evaluation.findings) {
      const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}  ` : '';
      const severity = paintSeverity(c, finding.severity, finding.severity.padEnd(8));
      lines.push(`  ${severity} ${finding.rule.padEnd(ruleWidth)}  ${where}${finding.message}`);
    }
  }
  if (evaluation.requirements.length > 0) {
    lines.push('requires:');
    const described = evaluation.requirements.map((requirement) => ({ requirement, text: describeRequirement(requirement) }));
    const width = Math.max(...described.map((entry) => entry.text.length));
    for (const { requirement, text } of described) {
      const mark = requirement.satisfied ? c.green('✓') : requirement.enforcement === 'evaluate' ? c.yellow('~') : c.red('✗');
      const mode = requirement.enforcement === 'evaluate' ? ' (evaluate only: does not fail the gate)' : '';
      lines.push(`  ${mark} ${text.padEnd(width)}    ${c.dim(requirement.reason + mode)}`);
    }
  }
  lines.push(`verdict: ${paintVerdict(c, evaluation.verdict)}`);
  return `${lines.join('\n')}\n`;
}

function headline(evaluation: ChangeEvaluation): string {
  const { change, provenance } = evaluation;
  const parts = [
    `change ${change.digest.slice(0, 6)}…`,
    `${change.files} file${change.files === 1 ? '' : 's'}`,
    `+${change.additions} −${change.deletions}`,
  ];
  let origin: string = provenance.level;
  const detail = [...provenance.tools];
  if (provenance.operators.length > 0) detail.push(`operator ${provenance.operators.join(', ')}`);
  if (detail.length > 0) origin += ` (${detail.join(', ')})`;
  parts.push(origin);
  return parts.join(' · ');
}

function describeReview(review: NonNullable<ChangeEvaluation['review']>): string {
  if (review.status !== 'completed') return `agentic review: ${review.status} (${review.reason ?? 'no reason given'})`;
  const cost = review.usage ? `, ${review.usage.inputTokens + review.usage.outputTokens} tokens` : '';
  const time = review.latencyMs !== undefined ? `, ${(review.latencyMs / 1000).toFixed(1)} s` : '';
  return `agentic review: completed by ${review.model ?? 'the reviewer'}${cost}${time}${review.summary ? ` — ${review.summary}` : ''}`;
}

function describeSystem(system: ChangeEvaluation['systems'][number]): string {
  const details = [`tier ${system.tier}`];
  if (system.criticalPaths.length > 0) details.push(`critical path ${system.criticalPaths.join(', ')}`);
  return `${system.id} (${details.join(', ')})`;
}

function paintSeverity(c: Colors, severity: Severity, text: string): string {
  if (severity === 'critical') return c.bold(c.red(text));
  if (severity === 'high') return c.red(text);
  if (severity === 'medium') return c.yellow(text);
  return c.dim(text);
}

function paintVerdict(c: Colors, verdict: ChangeEvaluation['verdict']): string {
  if (verdict === 'allow') return c.green(verdict);
  if (verdict === 'blocked') return c.bold(c.red(verdict));
  return c.yellow(verdict);
}
