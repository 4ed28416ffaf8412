/**
 * @module Who is acting, in local mode: `--as`, else `$TOLLGATE_USER`, else `git config user.email` mapped through the catalog.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import { readGitUserEmail } from '../git/read-user-email.js';
import { findPerson } from '../workflow/identify-people.js';

export interface IdentityInput {
  /** The `--as` flag. */
  as?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Folder whose git config holds `user.email`. */
  cwd: string;
  catalog: Catalog;
}

export type ResolvedIdentity =
  | { ok: true; person: string; source: '--as' | 'TOLLGATE_USER' | 'git user.email' }
  | { ok: false; reason: string };

/**
 * Resolves the acting person. A name given explicitly is returned as the catalog id when the
 * catalog knows it, else as given, so the use case refuses an unknown person with an audited
 * reason. Only the git email fallback must map to a catalog person: an unmapped email means the
 * user never said who they are, which is an input error, not a refusal.
 */
export async function resolveIdentity(input: IdentityInput): Promise<ResolvedIdentity> {
  const people = buildPeopleDirectory(input.catalog);
  const explicit = nonEmpty(input.as);
  if (explicit) return { ok: true, person: findPerson(people, explicit)?.id ?? explicit, source: '--as' };
  const fromEnv = nonEmpty(input.env.TOLLGATE_USER);
  if (fromEnv) return { ok: true, person: findPerson(people, fromEnv)?.id ?? fromEnv, source: 'TOLLGATE_USER' };
  const email = await readGitUserEmail(input.cwd);
  if (!email) return { ok: false, reason: 'who is acting? pass `--as PERSON`, set TOLLGATE_USER, or set `git config user.email` to an email the catalog lists' };
  const person = findPerson(people, email);
  if (!person) return { ok: false, reason: `git user.email \`${email}\` is not a person in the catalog (\`people[].emails\`): pass \`--as PERSON\` or set TOLLGATE_USER` };
  return { ok: true, person: person.id, source: 'git user.email' };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
