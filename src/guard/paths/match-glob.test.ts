/**
 * @module The guard's glob matcher agrees with picomatch (`dot: true`), the catalog's matcher, on
 * the syntax it supports, and errs toward matching on the syntax it does not.
 */
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob } from './match-glob.js';

const PATTERNS = [
  '.git/**', '.git', 'tollgate.yaml', '.github/workflows/**', '~/.claude/settings.json'.slice(2), 'services/payments/**',
  'services/*/ledger/**', '**/migrations/*.sql', 'src/**/*.ts', '*.tf', 'infra/{prod,live}/**', 'db/schema.[ch]', 'a/?/b',
  '**', 'docs/CODEOWNERS', '.clinerules/hooks/**', 'x/**/y',
];
const PATHS = [
  '.git/config', '.git', '.gitignore', 'tollgate.yaml', 'sub/tollgate.yaml', '.github/workflows/ci.yml', '.github/workflows',
  '.claude/settings.json', 'services/payments/a/b.ts', 'services/payments', 'services/orders/ledger/x.ts', 'services/a/b/ledger/x',
  'migrations/1.sql', 'db/migrations/001.sql', 'db/migrations/x/001.sql', 'src/a.ts', 'src/a/b/c.ts', 'src/a.tsx', 'main.tf',
  'mod/main.tf', 'infra/prod/x', 'infra/live/a/b', 'infra/dev/x', 'db/schema.c', 'db/schema.x', 'a/1/b', 'a/12/b', '.hidden/x',
  'docs/CODEOWNERS', '.clinerules/hooks/PreToolUse', 'x/y', 'x/a/b/y',
];

describe('compileGlob', () => {
  it.each(PATTERNS)('agrees with picomatch on %s', (pattern) => {
    const ours = compileGlob(pattern);
    const theirs = picomatch(pattern, { dot: true });
    for (const path of PATHS) expect(ours(path), `${pattern} vs ${path}`).toBe(theirs(path));
  });

  it('matches everything under the literal prefix of a pattern it does not fully read', () => {
    const matches = compileGlob('services/@(payments|billing)/**');
    expect(matches('services/payments/x')).toBe(true);
    expect(matches('services/search/x')).toBe(true);
    expect(matches('lib/x')).toBe(false);
  });
});
