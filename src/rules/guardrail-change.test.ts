import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { guardrailChangeRule } from './guardrail-change.js';
import { addedFile, buildCatalog, buildChange, buildRuleInput, deletedFile, modifiedFile, renamedFile } from './test-builders.js';

const edit = (path: string): ChangedFile => modifiedFile(path, '@@ -1,1 +1,1 @@\n-a\n+b');
const run = (files: ChangedFile[], catalog = buildCatalog()) => guardrailChangeRule.evaluate(buildRuleInput(buildChange(files), catalog));

describe('guardrail-change', () => {
  it.each([
    ['.github/workflows/deploy.yml', 'CI/CD configuration'],
    ['.github/actions/setup/action.yml', 'CI/CD configuration'],
    ['.gitlab-ci.yml', 'CI/CD configuration'],
    ['.circleci/config.yml', 'CI/CD configuration'],
    ['Jenkinsfile', 'CI/CD configuration'],
    ['services/checkout/Jenkinsfile', 'CI/CD configuration'],
    ['azure-pipelines.yml', 'CI/CD configuration'],
    ['.buildkite/pipeline.yml', 'CI/CD configuration'],
    ['bitbucket-pipelines.yml', 'CI/CD configuration'],
    ['CODEOWNERS', 'code ownership (CODEOWNERS)'],
    ['.github/CODEOWNERS', 'code ownership (CODEOWNERS)'],
    ['docs/CODEOWNERS', 'code ownership (CODEOWNERS)'],
    ['.github/settings.yml', 'branch protection rules'],
    ['.github/rulesets/main.json', 'branch protection rules'],
    ['tollgate.yaml', 'the Tollgate catalog'],
    ['.gitattributes', 'how git shows files to review (.gitattributes)'],
    ['config/.gitattributes', 'how git shows files to review (.gitattributes)'],
  ])('%s is a guardrail (%s)', async (path, what) => {
    const findings = await run([edit(path)]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'guardrail-change', severity: 'medium', file: path, message: `changes ${what}: needs approval from the guardrail owners` }),
    ]);
  });

  it.each([
    ['src/workflows/deploy.ts'],
    ['docs/ci.md'],
    ['services/tollgate.yaml'],
    ['.github/ISSUE_TEMPLATE/bug.md'],
    ['src/CODEOWNERS.ts'],
  ])('%s is not a guardrail', async (path) => {
    expect(await run([edit(path)])).toEqual([]);
  });

  it('names the owners, uses catalog paths, and reports one finding per file', async () => {
    const catalog = buildCatalog({ guardrails: { owners: ['platform-team', 'sre'], paths: ['deploy/**', 'Makefile'] } });
    const findings = await run([edit('deploy/prod/values.yaml'), edit('Makefile'), addedFile('.github/workflows/a.yml', ['on: push']), edit('src/a.ts')], catalog);
    expect(findings.map((f) => [f.file, f.message])).toEqual([
      ['deploy/prod/values.yaml', 'changes a guardrail listed in the catalog (`guardrails.paths`): needs approval from `platform-team`, `sre`'],
      ['Makefile', 'changes a guardrail listed in the catalog (`guardrails.paths`): needs approval from `platform-team`, `sre`'],
      ['.github/workflows/a.yml', 'adds CI/CD configuration: needs approval from `platform-team`, `sre`'],
    ]);
  });

  it('sees deletions and renames out of a guardrail path', async () => {
    const findings = await run([deletedFile('.github/workflows/ci.yml', 30), renamedFile('CODEOWNERS', 'old/CODEOWNERS.bak')]);
    expect(findings.map((f) => [f.file, f.message, f.evidence])).toEqual([
      ['.github/workflows/ci.yml', 'deletes CI/CD configuration: needs approval from the guardrail owners', undefined],
      ['old/CODEOWNERS.bak', 'moves code ownership (CODEOWNERS): needs approval from the guardrail owners', 'renamed from CODEOWNERS'],
    ]);
  });

  it('reports unknown settings (it has none)', async () => {
    const findings = await guardrailChangeRule.evaluate(buildRuleInput(buildChange([]), undefined, { paths: ['x'] }));
    expect(findings.map((f) => f.message)).toEqual(['invalid `rules.settings.guardrail-change.paths`: unknown setting; using the defaults']);
  });
});
