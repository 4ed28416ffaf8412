/**
 * @module Rule `guardrail-change`: edits to what guards every change — CI/CD, code ownership, branch rules, Tollgate's catalog.
 *
 * One finding per file; the policy turns `guardrail-change` findings into a requirement for an
 * approval from `guardrails.owners`.
 */
import * as z from 'zod';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { compilePathGlobs, pathsOf, type PathMatcher } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';

const ID = 'guardrail-change';

/** Built-in guardrail paths, by what they guard. */
export const GUARDRAIL_PATHS: readonly { what: string; globs: readonly string[] }[] = [
  {
    what: 'CI/CD configuration',
    globs: [
      '.github/workflows/**', '.github/actions/**', '.gitlab-ci.yml', '.gitlab/ci/**', '.circleci/**', 'Jenkinsfile', 'Jenkinsfile.*',
      '**/Jenkinsfile', 'azure-pipelines.yml', 'azure-pipelines.yaml', '.azure-pipelines/**', '.buildkite/**', 'bitbucket-pipelines.yml',
      '.travis.yml', '.drone.yml', '.woodpecker.yml', '.woodpecker/**', 'cloudbuild.yaml', 'cloudbuild.yml', 'buildspec.yml', '.tekton/**',
    ],
  },
  { what: 'code ownership (CODEOWNERS)', globs: ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] },
  { what: 'branch protection rules', globs: ['.github/settings.yml', '.github/settings.yaml', '.github/rulesets/**'] },
  { what: 'the Tollgate catalog', globs: ['tollgate.yaml', 'tollgate.yml'] },
  // `-diff`, `binary` or a `diff=` driver make git show a text file as binary: every line rule skips it.
  { what: 'how git shows files to review (.gitattributes)', globs: ['**/.gitattributes'] },
];

const settingsSchema = z.strictObject({});

export const guardrailChangeRule: BuiltinRule = {
  id: ID,
  description: 'Changes to CI/CD config, CODEOWNERS, branch rules, tollgate.yaml or `guardrails.paths` (needs the guardrail owners)',
  settingsSchema,
  evaluate(input) {
    const { findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const groups: { what: string; matches: PathMatcher }[] = [
      ...GUARDRAIL_PATHS.map((group) => ({ what: group.what, matches: compilePathGlobs(group.globs) })),
      { what: 'a guardrail listed in the catalog (`guardrails.paths`)', matches: compilePathGlobs(input.catalog.guardrails.paths) },
    ];
    const owners = input.catalog.guardrails.owners;
    const approvers = owners.length > 0 ? owners.map((o) => `\`${o}\``).join(', ') : 'the guardrail owners';
    for (const file of input.change.files) {
      const paths = pathsOf(file);
      const group = groups.find((g) => paths.some((path) => g.matches(path)));
      if (!group) continue;
      const finding: Finding = {
        rule: ID,
        severity: 'medium',
        message: `${verb(file.status)} ${group.what}: needs approval from ${approvers}`,
        file: file.path,
        remediation:
          owners.length > 0
            ? 'ask a guardrail owner to review and approve'
            : 'set `guardrails.owners` in tollgate.yaml so someone can approve guardrail changes',
      };
      if (file.oldPath && file.oldPath !== file.path) finding.evidence = `renamed from ${file.oldPath}`;
      findings.push(finding);
    }
    return findings;
  },
};

function verb(status: string): string {
  if (status === 'added') return 'adds';
  if (status === 'deleted') return 'deletes';
  if (status === 'renamed') return 'moves';
  return 'changes';
}
