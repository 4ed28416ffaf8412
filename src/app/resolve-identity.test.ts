import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSchema } from '../core/catalog/catalog-schema.js';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { resolveIdentity } from './resolve-identity.js';

const catalog = catalogSchema.parse({
  version: 1,
  people: [
    { id: 'ben', emails: ['ben@example.com'] },
    { id: 'octo', emails: [], github: 'octocat' },
  ],
});

describe('resolveIdentity', () => {
  let withEmail: GitRepo;
  let strangerEmail: GitRepo;
  let noEmail: GitRepo;
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };
  beforeAll(() => {
    // The machine's own git identity must never leak into these cases.
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    withEmail = createGitRepo();
    withEmail.git('config', 'user.email', 'Ben@Example.com');
    strangerEmail = createGitRepo();
    strangerEmail.git('config', 'user.email', 'stranger@example.com');
    noEmail = createGitRepo();
  });
  afterAll(() => {
    [withEmail, strangerEmail, noEmail].forEach((repo) => repo.cleanup());
    restore('GIT_CONFIG_GLOBAL', saved.global);
    restore('GIT_CONFIG_NOSYSTEM', saved.system);
  });
  const env = { TOLLGATE_USER: undefined };

  it.each([
    { name: '--as wins over everything', as: 'octo', tollgateUser: 'ben', repo: () => withEmail, expected: { ok: true, person: 'octo', source: '--as' } },
    { name: '--as by email maps to the id', as: 'ben@example.com', repo: () => noEmail, expected: { ok: true, person: 'ben', source: '--as' } },
    { name: '--as unknown is kept for the use case to refuse', as: 'mallory', repo: () => noEmail, expected: { ok: true, person: 'mallory', source: '--as' } },
    { name: 'TOLLGATE_USER before git', tollgateUser: 'ben', repo: () => strangerEmail, expected: { ok: true, person: 'ben', source: 'TOLLGATE_USER' } },
    { name: 'git email mapped case-insensitively', repo: () => withEmail, expected: { ok: true, person: 'ben', source: 'git user.email' } },
  ])('$name', async ({ as, tollgateUser, repo, expected }) => {
    const identity = await resolveIdentity({ ...(as ? { as } : {}), env: { ...env, TOLLGATE_USER: tollgateUser }, cwd: repo().dir, catalog });
    expect(identity).toEqual(expected);
  });

  it('refuses a git email the catalog does not list, naming it', async () => {
    const identity = await resolveIdentity({ env, cwd: strangerEmail.dir, catalog });
    expect(identity).toEqual({ ok: false, reason: expect.stringContaining('git user.email `stranger@example.com` is not a person in the catalog') });
  });

  it('asks who is acting when nothing says so', async () => {
    const identity = await resolveIdentity({ env, cwd: noEmail.dir, catalog });
    expect(identity).toEqual({ ok: false, reason: expect.stringContaining('who is acting?') });
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
