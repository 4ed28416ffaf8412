/**
 * @module A shop repository, catalog and isolated environment for the end-to-end workflow tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

export const ANA = { name: 'Ana Author', email: 'ana@example.com' };

/** Tier-1 `shop` needs 2 approvals (1 from shop-eng) and full docs; `bot` is an AI identity. */
export function shopCatalog(extra = ''): string {
  return `version: 1
people:
  - { id: ana, emails: [ana@example.com] }
  - { id: ben, emails: [ben@example.com] }
  - { id: cho, emails: [cho@example.com] }
  - { id: dee, emails: [dee@example.com] }
  - { id: bot, emails: [bot@bots.example.com], ai: true }
teams: { shop-eng: [ana, ben, cho] }
systems:
  - { id: shop, tier: 1, org: retail, owners: [shop-eng], director: dee, paths: ["shop/**"] }
environments:
  - { name: production, production: true }
  - { name: staging }
${extra}`;
}

export const CHANGE_DOC = '## Summary\nAdds a cart total.\n## Risk\nLow.\n## Rollback\nRevert.\n## Testing\nUnit tests.\n';

/** `main` with the catalog, then `feature` with one commit by ana to the tier-1 shop. */
export function createShopRepo(catalog = shopCatalog()): GitRepo {
  const repo = createGitRepo();
  repo.write('tollgate.yaml', catalog).write('shop/cart.ts', 'export const items = [];\n').commit({ message: 'base', author: ANA });
  repo.branch('feature');
  repo.write('shop/cart.ts', 'export const items = [];\nexport const total = 0;\n').commit({ message: 'shop: add cart total', author: ANA });
  return repo;
}

/** Adds a commit by ana to `feature`: new content, so earlier approvals become stale. */
export function addShopCommit(repo: GitRepo, line: string): string {
  const current = repo.git('show', 'HEAD:shop/cart.ts');
  return repo.write('shop/cart.ts', `${current}${line}\n`).commit({ message: `shop: ${line}`, author: ANA });
}

/** A folder outside the repository for the documentation file, HOME and other scratch files. */
export function createScratch(): { dir: string; doc: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-'));
  const doc = join(dir, 'CHANGE.md');
  writeFileSync(doc, CHANGE_DOC);
  return { dir, doc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Environment for a CLI run that ignores the machine's git identity and any Tollgate settings of
 * the shell running the tests, so identity and store come only from what a test sets.
 */
export function isolatedEnv(home: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    HOME: home,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    TOLLGATE_USER: undefined,
    TOLLGATE_SERVER: undefined,
    TOLLGATE_TOKEN: undefined,
    TOLLGATE_NOW: undefined,
    TOLLGATE_SIGNING_KEY: undefined,
    TOLLGATE_DATA_DIR: undefined,
    TOLLGATE_DATABASE_URL: undefined,
    TOLLGATE_DATABASE_SCHEMA: undefined,
    ...extra,
  };
}

/** Runs the CLI and checks its exit code, showing its output when the code is not the expected one. */
export async function expectCli(expected: number, args: string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<CliResult> {
  const result = await runCli(args, options);
  expect(result.code, `tollgate ${args.join(' ')}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(expected);
  return result;
}

/** Parses a `--format json` answer and checks its schema. */
export function jsonOf<T = Record<string, any>>(result: CliResult, schema: string): T {
  const json = JSON.parse(result.stdout) as { schema: string };
  expect(json.schema).toBe(schema);
  return json as T;
}

/** An ISO time `hours` from now: for `TOLLGATE_NOW`. */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}
