import { describe, expect, it } from 'vitest';
import { createGitRepo } from '../../test/helpers/git-repo.js';
import { readChange } from '../git/read-change.js';
import type { Commit } from './change.js';
import { documentationFromCommits, parseDocumentation } from './parse-documentation.js';

describe('parseDocumentation', () => {
  it.each([
    ['## Summary\nFixes rounding.', 'summary'],
    ['## Description\nFixes rounding.', 'summary'],
    ['## What\nFixes rounding.', 'summary'],
    ['## Risk\nOnly the pricing path.', 'risk'],
    ['### Risks\nOnly the pricing path.', 'risk'],
    ['# Impact\nOnly the pricing path.', 'risk'],
    ['## Rollback plan\nRevert the commit.', 'rollback'],
    ['## How to roll back\nRevert the commit.', 'rollback'],
    ['## How was this tested?\nUnit tests.', 'testing'],
    ['## Test plan\nUnit tests.', 'testing'],
    ['## 🧪 Testing\nUnit tests.', 'testing'],
    ['## AI usage\nClaude wrote the tests; I reviewed them.', 'ai-usage'],
    ['## AI assistance\nClaude wrote the tests; I reviewed them.', 'ai-usage'],
    ['Rollback Plan\n-------------\nRevert the commit.', 'rollback'],
    ['**Testing**\nUnit tests.', 'testing'],
    ['**Risk:** limited to pricing.', 'risk'],
    ['Rollback: revert the commit.', 'rollback'],
    ['## Deployment notes\nNothing special.', 'deployment-notes'],
  ])('reads %j as section %s', (markdown, name) => {
    const doc = parseDocumentation(markdown, 'file', 'CHANGE.md');
    expect(Object.keys(doc.sections)).toContain(name);
    expect(doc).toMatchObject({ source: 'file', path: 'CHANGE.md' });
  });

  it.each([
    ['empty', '## Rollback\n\n## Testing\nok'],
    ['N/A', '## Rollback\nN/A\n## Testing\nok'],
    ['n/a with a dot', '## Rollback\nn/a.\n## Testing\nok'],
    ['none', '## Rollback\nNone\n## Testing\nok'],
    ['TBD', '## Rollback\nTBD\n## Testing\nok'],
    ['TODO with text', '## Rollback\nTODO: write this\n## Testing\nok'],
    ['a dash', '## Rollback\n-\n## Testing\nok'],
    ['an HTML comment (template instructions)', '## Rollback\n<!-- How do we undo this? -->\n## Testing\nok'],
    ['an angle-bracket placeholder', '## Rollback\n<describe how to roll back>\n## Testing\nok'],
    ['a template prompt', '## Rollback\nDescribe your rollback plan here.\n## Testing\nok'],
    ['unticked checkboxes', '## Rollback\n- [ ] revert\n- [ ] feature flag\n## Testing\nok'],
  ])('does not count a section that is %s', (_name, markdown) => {
    expect(parseDocumentation(markdown, 'file').sections).toEqual({ testing: 'ok' });
  });

  it('counts ticked checkboxes and keeps nested subsections in their parent', () => {
    const doc = parseDocumentation('## Testing\n### Unit\n- [x] vitest\n### Manual\nClicked through checkout.\n## Risk\nLow.', 'file');
    expect(doc.sections.testing).toContain('Clicked through checkout.');
    expect(doc.sections.testing).toContain('vitest');
    expect(doc.sections.unit).toBe('- [x] vitest');
    expect(doc.sections.risk).toBe('Low.');
  });

  it('ignores headings inside fenced code', () => {
    const doc = parseDocumentation('## Testing\n```sh\n# Rollback\nnpm test\n```\n', 'file');
    expect(Object.keys(doc.sections)).toEqual(['testing']);
  });

  it('treats prose before the first heading as the summary when there is no summary section', () => {
    expect(parseDocumentation('Moves pricing to half-even rounding.\n\n## Risk\nLow.', 'file').sections).toEqual({
      summary: 'Moves pricing to half-even rounding.',
      risk: 'Low.',
    });
  });
});

const commit = (message: string, trailers: Commit['trailers'] = []): Commit => ({
  sha: 'a'.repeat(40),
  author: { name: 'Carol', email: 'carol@example.com' },
  committer: { name: 'Carol', email: 'carol@example.com' },
  authoredAt: '2026-01-05T09:00:00Z',
  subject: message.split('\n')[0]!,
  message,
  trailers,
});

describe('documentationFromCommits', () => {
  it('is `none` without commits, and a subject alone documents nothing', () => {
    expect(documentationFromCommits([])).toEqual({ source: 'none', sections: {} });
    expect(documentationFromCommits([commit('fix typo\n')])).toEqual({ source: 'commits', sections: {} });
  });

  it('reads labels and body prose, drops trailers and agent footers', () => {
    const doc = documentationFromCommits([
      commit(
        'fix(pricing): half-even rounding\n\nTies were rounded up.\n\nRisk: only the discount path.\nTesting: added table tests.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
        [{ key: 'Co-Authored-By', value: 'Claude <noreply@anthropic.com>' }],
      ),
      commit('second\n\nRollback plan: revert both commits.\n'),
    ]);
    expect(doc).toEqual({
      source: 'commits',
      sections: {
        summary: 'Ties were rounded up.',
        risk: 'only the discount path.',
        testing: 'added table tests.',
        rollback: 'revert both commits.',
      },
    });
  });

  it('keeps section labels that git also reads as trailers', async () => {
    const repo = createGitRepo();
    try {
      repo.write('a.txt', 'a\n').commit('base');
      repo.branch('feature').write('a.txt', 'b\n').commit('change a\n\nRisk: low, one constant.\nRollback: revert.\n');
      const change = await readChange({ repoDir: repo.dir, base: 'main' });
      expect(change.commits[0]!.trailers.map((t) => t.key)).toEqual(['Risk', 'Rollback']);
      expect(documentationFromCommits(change.commits).sections).toEqual({ risk: 'low, one constant.', rollback: 'revert.' });
    } finally {
      repo.cleanup();
    }
  });
});
