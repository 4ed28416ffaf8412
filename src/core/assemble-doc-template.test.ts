import { describe, expect, it } from 'vitest';
import { assembleDocTemplate, type DocTemplateInput } from './assemble-doc-template.js';
import { parseDocumentation } from './parse-documentation.js';

const input: DocTemplateInput = {
  change: { files: 14, additions: 412, deletions: 37, branch: 'claude/pricing' },
  systems: [
    { id: 'checkout', name: 'Checkout', tier: 1, criticalPaths: ['services/checkout/pricing/**'] },
    { id: '(unclaimed)', name: '', tier: 3, criticalPaths: [], unclaimed: true },
  ],
  findings: [
    { rule: 'infra-destroy', severity: 'critical', message: 'aws_db_instance.orders will be deleted and re-created', file: 'infra/prod.plan.json' },
    { rule: 'tests-weakened', severity: 'high', message: 'test skipped (it.skip)', file: 'services/checkout/test/price.test.ts', line: 41 },
  ],
  provenance: { level: 'ai-authored', tools: ['Claude Code'], operators: ['carol'] },
  requiredSections: ['summary', 'risk', 'rollback', 'testing', 'deployment-notes'],
};

describe('assembleDocTemplate', () => {
  const markdown = assembleDocTemplate(input);

  it('prefills systems, findings and provenance', () => {
    expect(markdown).toContain('- Change: 14 files, +412 −37 (branch `claude/pricing`)');
    expect(markdown).toContain('Checkout (tier 1; critical paths `services/checkout/pricing/**`)');
    expect(markdown).toContain('files no system claims (tier 3)');
    expect(markdown).toContain('- Provenance: ai-authored by Claude Code; operators: carol');
    expect(markdown).toContain('  - critical `infra-destroy` infra/prod.plan.json: aws_db_instance.orders will be deleted and re-created');
    expect(markdown).toContain('  - high `tests-weakened` services/checkout/test/price.test.ts:41: test skipped (it.skip)');
  });

  it('has a heading per required section, plus AI usage for an AI change, in a stable order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## What Tollgate found', '## Summary', '## Risk', '## Rollback plan', '## Testing', '## AI usage', '## Deployment notes']);
    expect(markdown).toContain('Address each finding: infra-destroy (critical), tests-weakened (high).');
  });

  it('round-trips: the untouched template documents none of the required sections', () => {
    const doc = parseDocumentation(markdown, 'file', 'CHANGE.md');
    for (const name of [...input.requiredSections, 'ai-usage']) expect(doc.sections[name], name).toBeUndefined();
  });

  it('round-trips: a filled section counts, the others still do not', () => {
    const filled = markdown.replace(/(## Rollback plan\n\n)<!--.*-->/, '$1Revert the deploy; the migration is additive.');
    const doc = parseDocumentation(filled, 'file');
    expect(doc.sections.rollback).toBe('Revert the deploy; the migration is additive.');
    expect(doc.sections.testing).toBeUndefined();
  });

  it('keeps sections already written and cannot be broken by comment markers in finding text', () => {
    const tricky = assembleDocTemplate({
      ...input,
      findings: [{ rule: 'custom', severity: 'high', message: 'evil --> <!-- text' }],
      existing: { testing: 'Ran the pricing table tests.' },
    });
    const doc = parseDocumentation(tricky, 'file');
    expect(doc.sections.testing).toBe('Ran the pricing table tests.');
    expect(doc.sections['what-tollgate-found']).toContain('evil');
    expect(doc.sections.summary).toBeUndefined();
  });
});
