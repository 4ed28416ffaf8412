/**
 * @module The change documentation template `tollgate doc` prints, prefilled from the evaluation.
 *
 * Facts Tollgate knows (systems, findings, provenance) go in a visible section of their own; each
 * section the author must write holds only an HTML-comment prompt. The parser drops comments, so
 * an untouched template documents nothing and every required section still shows as missing.
 */
import type { TouchedSystem } from './evaluation.js';
import type { Finding } from './finding.js';
import type { Provenance } from './provenance.js';

export interface DocTemplateInput {
  systems: readonly Pick<TouchedSystem, 'id' | 'name' | 'tier' | 'criticalPaths' | 'unclaimed'>[];
  findings: readonly Pick<Finding, 'rule' | 'severity' | 'message' | 'file' | 'line'>[];
  provenance: Pick<Provenance, 'level' | 'tools' | 'operators'>;
  /** Sections the policy requires (summary is always included). */
  requiredSections: readonly string[];
  change?: { files: number; additions: number; deletions: number; branch?: string };
  /** Sections already written (e.g. found in the commit messages): kept instead of a prompt. */
  existing?: Readonly<Record<string, string>>;
}

/** Heading and prompt of each well-known section, in the order the template lists them. */
const SECTIONS: Record<string, { title: string; prompt: string }> = {
  summary: { title: 'Summary', prompt: 'what changes and why, in a few sentences.' },
  motivation: { title: 'Motivation', prompt: 'why this change is needed now.' },
  risk: { title: 'Risk', prompt: 'what could break, for whom, and how you would notice.' },
  rollback: { title: 'Rollback plan', prompt: 'how to undo this in production, and how long that takes.' },
  testing: { title: 'Testing', prompt: 'how you tested it (automated and by hand) and what you did not test.' },
  'ai-usage': { title: 'AI usage', prompt: 'which parts an AI tool wrote or changed, and what you checked by hand.' },
};

/** Keeps interpolated text on one line and unable to open or close an HTML comment. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/<!--/g, '<! --').replace(/--!?>/g, '- ->').trim();
}

function titleOf(name: string): string {
  const known = SECTIONS[name]?.title;
  if (known) return known;
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function factLines(input: DocTemplateInput): string[] {
  const lines: string[] = [];
  if (input.change) {
    const { files, additions, deletions, branch } = input.change;
    lines.push(`- Change: ${files} files, +${additions} −${deletions}${branch ? ` (branch \`${inline(branch)}\`)` : ''}`);
  }
  const systems = input.systems.map((system) => {
    const critical = system.criticalPaths.length > 0 ? `; critical paths ${system.criticalPaths.map((p) => `\`${inline(p)}\``).join(', ')}` : '';
    const label = system.unclaimed ? 'files no system claims' : inline(system.name || system.id);
    return `${label} (tier ${system.tier}${critical})`;
  });
  lines.push(`- Systems: ${systems.length > 0 ? systems.join(', ') : 'none'}`);
  const { level, tools, operators } = input.provenance;
  const by = tools.length > 0 ? ` by ${tools.map(inline).join(', ')}` : '';
  lines.push(`- Provenance: ${level}${by}${operators.length > 0 ? `; operators: ${operators.map(inline).join(', ')}` : ''}`);
  if (input.findings.length === 0) {
    lines.push('- Findings: none');
  } else {
    lines.push('- Findings:');
    for (const finding of input.findings) {
      const where = finding.file ? ` ${inline(finding.file)}${finding.line ? `:${finding.line}` : ''}` : '';
      lines.push(`  - ${finding.severity} \`${inline(finding.rule)}\`${where}: ${inline(finding.message)}`);
    }
  }
  return lines;
}

function promptFor(name: string, input: DocTemplateInput): string {
  const base = SECTIONS[name]?.prompt ?? `the ${name.replace(/-/g, ' ')} of this change.`;
  if (name === 'risk') {
    const serious = input.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
    if (serious.length > 0) return `${base} Address each finding: ${serious.map((f) => `${inline(f.rule)} (${f.severity})`).join(', ')}.`;
  }
  if (name === 'ai-usage' && input.provenance.level !== 'human') {
    const tools = input.provenance.tools.length > 0 ? ` (${input.provenance.tools.map(inline).join(', ')})` : '';
    return `detected ${input.provenance.level}${tools}: ${base}`;
  }
  return base;
}

/**
 * Assembles the documentation template for a change.
 *
 * @example
 * ```ts
 * const markdown = assembleDocTemplate({ systems, findings, provenance, requiredSections: ['summary', 'rollback'] });
 * parseDocumentation(markdown, 'file').sections; // {} except the facts section: nothing is documented yet
 * ```
 */
export function assembleDocTemplate(input: DocTemplateInput): string {
  const wanted = new Set(['summary', ...input.requiredSections]);
  if (input.provenance.level !== 'human') wanted.add('ai-usage');
  const order = [...Object.keys(SECTIONS).filter((name) => wanted.has(name)), ...[...wanted].filter((name) => !(name in SECTIONS)).sort()];
  const out = [
    '# Change documentation',
    '',
    '<!-- tollgate doc: write every section below, then pass this file with `tollgate check --doc FILE`.',
    '     A section left empty, as "N/A" or "TODO", or with only these comments, does not count. -->',
    '',
    '## What Tollgate found',
    '',
    ...factLines(input),
  ];
  for (const name of order) {
    const existing = input.existing?.[name];
    out.push('', `## ${titleOf(name)}`, '', existing ? existing.trim() : `<!-- tollgate: ${inline(promptFor(name, input))} -->`);
  }
  return `${out.join('\n')}\n`;
}
