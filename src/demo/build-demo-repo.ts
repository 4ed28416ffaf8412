/**
 * @module Builds the demo repository: a catalog and three changes of very different risk.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_CATALOG } from './demo-catalog.js';
import { DEMO_PLAN } from './demo-plan.js';

export interface DemoChange {
  title: string;
  branch: string;
  /** Documentation file written for this change, if any. */
  docPath?: string;
  expected: 'allow' | 'needs-approval' | 'blocked';
}

interface Author {
  name: string;
  email: string;
}

const CAROL: Author = { name: 'Carol Reyes', email: 'carol@example.com' };
const TOM: Author = { name: 'Tom Lind', email: 'tom@example.com' };
const CLAUDE_FOOTER = '\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';

/** Creates the repository in `dir` (which must be empty) and returns the changes to check, one branch each. */
export function buildDemoRepo(dir: string): DemoChange[] {
  const git = (args: string[], author: Author = CAROL): void => {
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        GIT_AUTHOR_DATE: '2026-03-02T10:00:00Z',
        GIT_COMMITTER_DATE: '2026-03-02T10:00:00Z',
      },
    });
  };
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  const commit = (message: string, author: Author = CAROL): void => {
    git(['add', '-A'], author);
    git(['commit', '-q', '-m', message], author);
  };

  git(['init', '-q', '-b', 'main']);
  write('tollgate.yaml', DEMO_CATALOG);
  write('docs/getting-started.md', '# Getting started\n\nInstall the app and run it with the defualt settings.\n');
  write('services/checkout/pricing/discount.ts', DISCOUNT_BEFORE);
  write('services/checkout/cart.ts', 'export const MAX_ITEMS = 100;\n');
  write('infra/main.tf', 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  instance_class = "db.r6g.large"\n}\n');
  commit('Initial import');

  git(['checkout', '-q', '-b', 'docs/typo']);
  write('docs/getting-started.md', '# Getting started\n\nInstall the app and run it with the default settings.\n');
  commit('docs: fix a typo in getting started', TOM);

  git(['checkout', '-q', 'main']);
  git(['checkout', '-q', '-b', 'claude/loyalty-discount']);
  write('services/checkout/pricing/discount.ts', DISCOUNT_AFTER);
  commit(`Apply loyalty discount before tax${CLAUDE_FOOTER}`);

  git(['checkout', '-q', 'main']);
  git(['checkout', '-q', '-b', 'claude/resize-orders-db']);
  write('infra/main.tf', 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  instance_class = "db.r6g.xlarge"\n  identifier = "orders-v2"\n}\n');
  write('infra/prod.plan.json', DEMO_PLAN);
  commit(`Resize the orders database${CLAUDE_FOOTER}`);
  git(['checkout', '-q', 'main']);
  // Written last and kept out of git, like a change description an engineer writes before review.
  write('.git/tollgate-demo/loyalty-discount.md', LOYALTY_DOC);

  return [
    { title: 'A human fixes a typo in the docs (tier 3)', branch: 'docs/typo', expected: 'allow' },
    {
      title: 'An AI agent changes tier-1 pricing code',
      branch: 'claude/loyalty-discount',
      docPath: join(dir, '.git/tollgate-demo/loyalty-discount.md'),
      expected: 'needs-approval',
    },
    { title: 'An AI agent deletes and re-creates the production database', branch: 'claude/resize-orders-db', expected: 'blocked' },
  ];
}

const DISCOUNT_BEFORE = `export function applyDiscount(priceCents: number, percent: number): number {
  return Math.round(priceCents * (1 - percent / 100));
}
`;

const DISCOUNT_AFTER = `export function applyDiscount(priceCents: number, percent: number, loyaltyYears = 0): number {
  const loyalty = Math.min(loyaltyYears, 5);
  return Math.round(priceCents * (1 - (percent + loyalty) / 100));
}
`;

const LOYALTY_DOC = `## Summary
Adds up to 5% loyalty discount on top of promotional discounts.

## Risk
Prices for returning customers drop by up to 5%; no schema or API change.

## Rollback
Revert the commit; the function keeps its old signature (the new argument is optional).

## Testing
Unit tests for 0, 3 and 10 loyalty years; compared 10k historic carts before and after.

## AI usage
Written by Claude Code from a ticket; reviewed line by line by Carol.
`;
