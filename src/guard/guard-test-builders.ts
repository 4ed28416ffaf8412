/**
 * @module Builders for guard tests: a context for a made-up workspace, and a catalog with one
 * production and one staging environment.
 */
import type { Environment } from '../core/catalog/environments-schema.js';
import type { GuardContext } from './guard-types.js';
import { defaultProtectedPaths } from './paths/protected-paths.js';
import type { ShellParser } from './shell/shell-syntax.js';
import type { SavedPlan, SavedPlanReading } from './terraform/saved-plan.js';

export const TEST_ROOT = '/work/repo';
export const TEST_HOME = '/home/dev';

/** Environments as a catalog would declare them. */
export function testEnvironments(): Environment[] {
  const empty = { names: [], kubeContexts: [], awsProfiles: [], awsAccounts: [], terraformWorkspaces: [], databaseHosts: [], stackPatterns: [], actions: {} };
  return [
    {
      ...empty,
      name: 'production',
      production: true,
      kubeContexts: ['gke_acme_europe-west1_main'],
      awsProfiles: ['acme-main'],
      awsAccounts: ['123456789012'],
      terraformWorkspaces: ['main'],
      databaseHosts: ['orders-db.internal.acme.com'],
      stackPatterns: ['*-blue'],
    },
    {
      ...empty,
      name: 'staging',
      production: false,
      names: ['staging'],
      kubeContexts: ['kind-staging'],
      awsProfiles: ['acme-staging'],
      terraformWorkspaces: ['staging', 'dev'],
      databaseHosts: ['localhost'],
      stackPatterns: ['*-staging'],
      actions: { 'pulumi-destroy': 'ask' },
    },
  ];
}

export interface TestContextOptions {
  env?: Record<string, string>;
  kubeContext?: string;
  terraformWorkspace?: string;
  branch?: string;
  dirty?: boolean;
  catalog?: boolean;
  cwd?: string;
  tier1Critical?: string[];
  /** Aliases in git's configuration; `null`: the configuration cannot be read. */
  gitAliases?: Record<string, string> | null;
  /** Saved Terraform plans by absolute path; any other path has no file. */
  savedPlans?: Record<string, SavedPlanReading>;
}

/** A context for a workspace at `/work/repo`, with home `/home/dev`. */
export function testContext(shell: ShellParser, options: TestContextOptions = {}): GuardContext {
  return {
    cwd: options.cwd ?? TEST_ROOT,
    workspaceRoots: [TEST_ROOT],
    home: TEST_HOME,
    tempDirs: ['/tmp', '/var/tmp'],
    env: options.env ?? {},
    git: {
      protectedBranches: ['main', 'master', 'release/*'],
      branch: options.branch ?? 'feature/guard',
      ...(options.dirty !== undefined ? { worktreeDirty: options.dirty } : {}),
      ...(options.gitAliases !== undefined ? { alias: (name: string) => (options.gitAliases === null ? null : options.gitAliases?.[name]) } : {}),
    },
    savedPlan: (path) => options.savedPlans?.[path] ?? { missing: true },
    environments: options.catalog ? testEnvironments() : [],
    protectedPaths: [
      ...defaultProtectedPaths(),
      ...(options.tier1Critical ?? []).map((pattern) => ({ pattern, reason: 'is a critical path of tier-1 system `payments`', verdict: 'ask' as const })),
    ],
    grants: [],
    now: Date.UTC(2026, 0, 15, 12),
    shell,
    ...(options.kubeContext ? { kubeContext: { name: options.kubeContext, source: 'KUBECONFIG' } } : {}),
    ...(options.terraformWorkspace ? { terraformWorkspace: { name: options.terraformWorkspace, source: '.terraform/environment' } } : {}),
  };
}

/** A saved plan with the given effects, for `savedPlans`. */
export function savedPlan(plan: Partial<SavedPlan>): SavedPlanReading {
  return { plan: { mode: 'normal', deletes: [], replaces: [], forgets: [], ...plan } };
}
