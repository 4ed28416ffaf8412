/**
 * @module The review cache as JSON files under `.tollgate/review-cache/`, one per key.
 *
 * Writes go to a temporary file renamed into place, so concurrent runs never read half a file;
 * an unreadable or invalid entry is a miss (the review simply runs again).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReviewCache } from './review-cache.js';
import { completedReviewSchema, type CompletedReview } from './review-outcome.js';

const KEY = /^[0-9a-f]{64}$/;

/** The default directory, relative to the repository root. */
export const REVIEW_CACHE_DIR = join('.tollgate', 'review-cache');

/** A `ReviewCache` storing one file per key in `dir`. */
export function createFileReviewCache(dir: string): ReviewCache {
  const pathOf = (key: string): string => {
    // Keys are hex digests; anything else could escape the directory.
    if (!KEY.test(key)) throw new Error(`invalid review cache key \`${key.slice(0, 80)}\``);
    return join(dir, `${key}.json`);
  };
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const parsed = completedReviewSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async put(key, outcome: CompletedReview) {
      if (outcome.status !== 'completed') return;
      const path = pathOf(key);
      await mkdir(dir, { recursive: true });
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, `${JSON.stringify(outcome, null, 2)}\n`, 'utf8');
      await rename(temporary, path);
    },
  };
}
