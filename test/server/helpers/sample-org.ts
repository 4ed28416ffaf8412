/**
 * @module The small organisation the server tests run against, and real changes read from a real git repository.
 */
import type { Change } from '../../../src/core/change.js';
import { readChange } from '../../../src/git/read-change.js';
import { createGitRepo, type GitRepo } from '../../helpers/git-repo.js';

export const TEST_CATALOG = `version: 1
people:
  - { id: ana, name: Ana Author, emails: [ana@example.com] }
  - { id: ben, name: Ben Owner, emails: [ben@example.com] }
  - { id: cho, name: Cho Reviewer, emails: [cho@example.com] }
  - { id: dee, name: Dee Director, emails: [dee@example.com], roles: [director] }
  - { id: aud, name: Audrey Auditor, emails: [aud@example.com], roles: [auditor] }
  - { id: root, name: Root Admin, emails: [root@example.com], roles: [admin] }
  - { id: agent, name: Coding agent, emails: [agent@bots.example.com], ai: true }
teams:
  shop-eng: [ana, ben, cho]
systems:
  - { id: shop, name: Shop, tier: 1, org: retail, owners: [shop-eng], director: dee, paths: ["shop/**"] }
  - { id: docs, name: Docs, tier: 3, org: retail, owners: [ana], paths: ["docs/**"] }
environments:
  - { name: production, production: true }
  - { name: staging }
`;

/** Every section a tier-1 change needs, so approvals alone decide the verdict. */
export const FULL_DOCS = {
  source: 'file',
  path: 'CHANGE.md',
  sections: { summary: 'Adds a cart total.', risk: 'Low.', rollback: 'Revert.', testing: 'Unit tests.' },
} as const;

const ANA = { name: 'Ana Author', email: 'ana@example.com' };

/**
 * A repository with `main` and a `feature` branch holding one commit by ana to the tier-1 shop.
 * Repositories with the same `variant` have the same commit shas (fixed dates), so they are one line of work.
 */
export function createShopRepo(variant = 'shop'): GitRepo {
  const repo = createGitRepo();
  repo.write('shop/cart.ts', 'export const items = [];\n').write('docs/readme.md', `# ${variant}\n`).commit({ message: 'base', author: ANA });
  repo.branch('feature');
  repo.write('shop/cart.ts', `export const items = [];\nexport const total = 0; // ${variant}\n`).commit({ message: 'shop: add cart total', author: ANA });
  return repo;
}

/** Adds a commit to `feature` (new content: earlier approvals become stale). */
export function addShopCommit(repo: GitRepo, line: string): string {
  repo.checkout('feature');
  const current = repo.git('show', 'feature:shop/cart.ts');
  return repo.write('shop/cart.ts', `${current}${line}\n`).commit({ message: `shop: ${line}`, author: ANA });
}

/** The change main..feature as `tollgate check` reads it. */
export function readShopChange(repo: GitRepo): Promise<Change> {
  return readChange({ repoDir: repo.dir, base: 'main', head: 'feature' });
}

/** `{sha}` of every commit in main..feature, newest last, as a CD job would send to `/api/verify`. */
export function featureCommits(repo: GitRepo): { sha: string }[] {
  return repo
    .git('rev-list', '--reverse', 'main..feature')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((sha) => ({ sha }));
}
