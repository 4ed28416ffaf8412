/**
 * @module Paths whose changes need a person: the guard's own state and hooks, `.git`, the catalog,
 * CI configuration, code owners, and the catalog's critical paths of tier-1 systems.
 */
import type { GuardContext, ProtectedPath } from '../guard-types.js';
import { relativeToWorkspace } from './classify-path.js';
import { compileGlob } from './match-glob.js';

const HOOK_REASON = "holds an agent's hook settings, including the guard's own hook";

/** The protected paths every workspace has. */
export function defaultProtectedPaths(): ProtectedPath[] {
  const hooks = [
    '.claude/settings.json', '.claude/settings.local.json', '.cursor/hooks.json', '.gemini/settings.json',
    '.codex/hooks.json', '.codex/config.toml', '.github/hooks/**', '.amazonq/cli-agents/**', '.kiro/agents/**',
    '.clinerules/hooks/**',
  ];
  const homeHooks = [
    '~/.claude/settings.json', '~/.cursor/hooks.json', '~/.gemini/settings.json', '~/.codex/hooks.json',
    '~/.codex/config.toml', '~/.copilot/hooks/**', '~/.aws/amazonq/cli-agents/**', '~/.kiro/agents/**',
    '~/Documents/Cline/**/Hooks/**',
  ];
  return [
    { pattern: '.tollgate/**', reason: "is the guard's own state (decisions and approvals)", verdict: 'deny' },
    { pattern: '.tollgate', reason: "is the guard's own state (decisions and approvals)", verdict: 'deny' },
    ...[...hooks, ...homeHooks].map((pattern) => ({ pattern, reason: HOOK_REASON, verdict: 'ask' as const })),
    { pattern: '.git/**', reason: "is the repository's history and configuration", verdict: 'ask' },
    { pattern: '.git', reason: "is the repository's history and configuration", verdict: 'ask' },
    // Aliases and commands set here (`core.pager`, `core.fsmonitor`) run in every later git call, a person's too.
    ...['~/.gitconfig', '~/.config/git/**'].map((pattern) => ({ pattern, reason: "is git's configuration for every repository (aliases and the commands git runs)", verdict: 'ask' as const })),
    { pattern: 'tollgate.yaml', reason: 'is the Tollgate catalog (tiers, owners, environments)', verdict: 'ask' },
    ...['.github/workflows/**', '.github/actions/**', '.gitlab-ci.yml', '.gitlab/ci/**', '.circleci/**', 'Jenkinsfile', 'azure-pipelines.yml',
      '.buildkite/**', 'bitbucket-pipelines.yml', '.travis.yml', '.drone.yml', '.woodpecker.yml', '.woodpecker/**', '.ci/**']
      .map((pattern) => ({ pattern, reason: 'is CI configuration', verdict: 'ask' as const })),
    ...['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS']
      .map((pattern) => ({ pattern, reason: 'decides who must review changes', verdict: 'ask' as const })),
  ];
}

interface CompiledRule {
  rule: ProtectedPath;
  home: boolean;
  /** The pattern's text before its first wildcard: a path not starting with it cannot match. */
  prefix: string;
  matches?: (path: string) => boolean;
}

const compiled = new WeakMap<readonly ProtectedPath[], CompiledRule[]>();

/** The protected-path rule an absolute path falls under, if any. */
export function matchProtectedPath(path: string, context: Pick<GuardContext, 'protectedPaths' | 'workspaceRoots' | 'cwd' | 'home' | 'tempDirs' | 'env'>): ProtectedPath | undefined {
  let rules = compiled.get(context.protectedPaths);
  if (!rules) {
    rules = context.protectedPaths.map((rule) => {
      const home = rule.pattern.startsWith('~/');
      const pattern = home ? rule.pattern.slice(2) : rule.pattern;
      return { rule, home, prefix: pattern.split(/[*?[{(!+@]/)[0] ?? '' };
    });
    compiled.set(context.protectedPaths, rules);
  }
  const inWorkspace = relativeToWorkspace(path, context);
  const home = context.home?.replace(/\/+$/, '');
  const inHome = home && path.startsWith(`${home}/`) ? path.slice(home.length + 1) : undefined;
  let found: ProtectedPath | undefined;
  for (const entry of rules) {
    const relative = entry.home ? inHome : inWorkspace;
    if (relative === undefined || relative === '' || !relative.startsWith(entry.prefix)) continue;
    // Globs compile only when a path could match them: most writes never reach this line.
    entry.matches ??= compileGlob(entry.home ? entry.rule.pattern.slice(2) : entry.rule.pattern);
    if (!entry.matches(relative)) continue;
    if (!found || (entry.rule.verdict === 'deny' && found.verdict !== 'deny')) found = entry.rule;
  }
  return found;
}
