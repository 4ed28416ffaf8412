/**
 * @module `tollgate break-glass`: a loud, time-boxed override of the deploy gate for one commit.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import type { BreakGlassRecord, Store } from '../store/store.js';
import { findPerson } from './identify-people.js';
import { RETRO_REVIEW_HOURS } from './retro-reviews.js';

export interface BreakGlassInput {
  env: string;
  commit: string;
  person: string;
  reason: string;
  incident?: string;
  /** How long `verify` passes for this commit; default 4 h, at most 24 h. */
  durationMinutes?: number;
}

export type BreakGlassResult = { ok: true; record: BreakGlassRecord } | { ok: false; reason: string };

export const DEFAULT_BREAK_GLASS_MINUTES = 4 * 60;
export const MAX_BREAK_GLASS_MINUTES = 24 * 60;

/**
 * Lets `verify` pass for one environment and commit for a while. Only a human in the catalog may
 * break glass, with a reason; the override is audited as `break-glass` and creates a retro review
 * due in 48 h that stays overdue until the change gets its normal approvals.
 */
export async function breakGlass(store: Store, input: BreakGlassInput, catalog: Catalog, now: string): Promise<BreakGlassResult> {
  const refuse = async (reason: string): Promise<BreakGlassResult> => {
    await store.audit.append({ type: 'break-glass.refused', actor: input.person, subject: input.commit, payload: { env: input.env, reason }, at: now });
    return { ok: false, reason };
  };
  const person = findPerson(buildPeopleDirectory(catalog), input.person);
  if (!person) return refuse(`\`${input.person}\` is not a person in the catalog (\`people\`)`);
  if (person.ai) return refuse(`\`${person.id}\` is an ai identity: only a human can break glass`);
  if (!/^[0-9a-f]{7,64}$/i.test(input.commit)) return refuse(`\`${input.commit}\` is not a commit sha`);
  if (input.reason.trim() === '') return refuse('breaking glass needs a reason (`--reason`)');
  const minutes = input.durationMinutes ?? DEFAULT_BREAK_GLASS_MINUTES;
  if (!(minutes > 0 && minutes <= MAX_BREAK_GLASS_MINUTES)) return refuse(`the override lasts at most ${MAX_BREAK_GLASS_MINUTES / 60} h, got ${minutes} minutes`);
  const start = Date.parse(now);
  const record = await store.breakGlass.create(
    {
      env: input.env,
      commit: input.commit,
      person: person.id,
      reason: input.reason,
      ...(input.incident ? { incident: input.incident } : {}),
      at: now,
      expiresAt: new Date(start + minutes * 60_000).toISOString(),
      reviewDueAt: new Date(start + RETRO_REVIEW_HOURS * 3_600_000).toISOString(),
    },
    (created) => [
      {
        type: 'break-glass',
        actor: created.person,
        subject: created.commit,
        payload: { id: created.id, env: created.env, reason: created.reason, ...(created.incident ? { incident: created.incident } : {}), expiresAt: created.expiresAt, reviewDueAt: created.reviewDueAt },
        at: now,
      },
    ],
  );
  return { ok: true, record };
}
