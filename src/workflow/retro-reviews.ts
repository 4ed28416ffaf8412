/**
 * @module Break-glass retro reviews: the overridden commit's change must get its normal approvals within 48 h.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import { buildPeopleDirectory } from '../core/policy/people.js';
import type { BreakGlassRecord, Store } from '../store/store.js';
import { assessCommits } from './assess-commits.js';

/** How long after a break-glass the change must have its normal approvals. */
export const RETRO_REVIEW_HOURS = 48;

export interface RetroReview {
  breakGlass: BreakGlassRecord;
  /** `met`: a change holding the commit is now allowed; `overdue`: not met and past due. */
  state: 'met' | 'pending' | 'overdue';
  /** The change that met it, when met. */
  digest?: string;
  /** What is still missing, one line each. */
  missing: string[];
}

/** Open retro reviews (optionally only for some commits) with their state at `now`. */
export async function listRetroReviews(store: Store, catalog: Catalog, now: string, commits?: readonly string[]): Promise<RetroReview[]> {
  const open = (await store.breakGlass.openReviews()).filter((record) => !commits || commits.includes(record.commit));
  if (open.length === 0) return [];
  const people = buildPeopleDirectory(catalog);
  const assessed = await assessCommits(store, [...new Set(open.map((record) => record.commit))].map((sha) => ({ sha })), people);
  const bySha = new Map(assessed.map((assessment) => [assessment.sha, assessment]));
  const nowMs = Date.parse(now);
  return open.map((record) => {
    const assessment = bySha.get(record.commit);
    if (assessment?.approved && assessment.allowedBy) return { breakGlass: record, state: 'met', digest: assessment.allowedBy.change.digest, missing: [] };
    return {
      breakGlass: record,
      state: Date.parse(record.reviewDueAt) < nowMs ? 'overdue' : 'pending',
      missing: assessment && assessment.missing.length > 0 ? assessment.missing : [assessment?.reason ?? 'not part of any recorded change'],
    };
  });
}

/** Closes every open retro review that is now met, each with a `break-glass.reviewed` event. */
export async function closeMetRetroReviews(store: Store, catalog: Catalog, now: string): Promise<BreakGlassRecord[]> {
  const closed: BreakGlassRecord[] = [];
  for (const review of await listRetroReviews(store, catalog, now)) {
    if (review.state !== 'met' || !review.digest) continue;
    const record = await store.breakGlass.closeReview(review.breakGlass.id, { at: now, digest: review.digest }, (done) => [
      {
        type: 'break-glass.reviewed',
        actor: 'tollgate',
        subject: done.commit,
        payload: { id: done.id, env: done.env, digest: review.digest, dueAt: done.reviewDueAt, late: Date.parse(now) > Date.parse(done.reviewDueAt) },
        at: now,
      },
    ]);
    if (record) closed.push(record);
  }
  return closed;
}

/**
 * Appends one `break-glass.review-overdue` event per overdue review that has none yet, so the
 * audit log itself shows the missed obligation. Returns how many it appended.
 */
export async function reportOverdueRetroReviews(store: Store, catalog: Catalog, now: string): Promise<number> {
  let reported = 0;
  for (const review of await listRetroReviews(store, catalog, now)) {
    if (review.state !== 'overdue') continue;
    const earlier = await store.audit.list({ types: ['break-glass.review-overdue'], subject: review.breakGlass.commit });
    if (earlier.some((event) => event.payload.id === review.breakGlass.id)) continue;
    await store.audit.append({
      type: 'break-glass.review-overdue',
      actor: 'tollgate',
      subject: review.breakGlass.commit,
      payload: { id: review.breakGlass.id, env: review.breakGlass.env, person: review.breakGlass.person, dueAt: review.breakGlass.reviewDueAt, missing: review.missing },
      at: now,
    });
    reported += 1;
  }
  return reported;
}
