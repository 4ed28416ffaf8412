/**
 * @module The `tollgate check` report as Markdown, for a pull-request comment.
 */
import type { ChangeEvaluation } from '../../core/evaluation.js';
import { describeRequirement } from './describe-requirement.js';

const VERDICT_BADGE = { allow: '✅ allow', 'needs-approval': '🟡 needs approval', blocked: '⛔ blocked' } as const;

/** Escapes text from the change (messages, paths) so it cannot inject Markdown or HTML into the comment. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+|<>!~-]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

export function formatCheckMarkdown(evaluation: ChangeEvaluation): string {
  const { change, provenance } = evaluation;
  const out: string[] = [];
  out.push(`### Tollgate: ${VERDICT_BADGE[evaluation.verdict]}`);
  out.push('');
  out.push(
    `Change \`${change.digest.slice(0, 12)}\` · ${change.files} files · +${change.additions} −${change.deletions} · **${provenance.level}**` +
      (provenance.tools.length > 0 ? ` (${escapeMarkdown(provenance.tools.join(', '))})` : ''),
  );
  out.push('');
  if (evaluation.systems.length > 0) {
    out.push('| system | tier | critical paths |', '|---|---|---|');
    for (const system of evaluation.systems) {
      out.push(`| ${escapeMarkdown(system.id)} | ${system.tier} | ${escapeMarkdown(system.criticalPaths.join(', ')) || '—'} |`);
    }
    out.push('');
  }
  for (const notice of evaluation.notices) out.push(`> ${escapeMarkdown(notice)}`, '');
  if (evaluation.requirements.length > 0) {
    out.push('**Requires**', '');
    for (const requirement of evaluation.requirements) {
      const box = requirement.satisfied ? '[x]' : '[ ]';
      const mode = requirement.enforcement === 'evaluate' ? ' _(evaluate only)_' : '';
      out.push(`- ${box} ${escapeMarkdown(describeRequirement(requirement))} — _${escapeMarkdown(requirement.reason)}_${mode}`);
    }
    out.push('');
  }
  if (evaluation.findings.length > 0) {
    out.push('<details><summary>Findings (' + evaluation.findings.length + ')</summary>', '');
    out.push('| severity | rule | where | message |', '|---|---|---|---|');
    for (const finding of evaluation.findings) {
      const where = finding.file ? `\`${finding.file.replace(/`/g, "'")}${finding.line ? `:${finding.line}` : ''}\`` : '—';
      out.push(`| ${finding.severity} | ${finding.rule} | ${where} | ${escapeMarkdown(finding.message)} |`);
    }
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
