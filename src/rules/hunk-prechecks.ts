/**
 * @module The rules' quick tests of whole hunks (`hunk-text-tests.ts`), remembered per hunk.
 *
 * Remembered so the answer can come from elsewhere: on a large change another thread runs the
 * same tests while git is still writing the diff (`offload-hunk-prechecks.ts`), and its answers
 * are recorded here before the rules run. A hunk nobody answered for is tested when a rule asks.
 */
import type { Hunk } from '../core/change.js';
import { hunkAddedLowerText, hunkAddedText } from './hunk-text.js';
import { HUNK_TEXT_TESTS, HUNK_TEXT_TEST_IDS, type HunkTextTestId } from './hunk-text-tests.js';

/** Whether a hunk needs a closer look; `false` means no added line of it can match. */
export interface HunkPrecheck {
  (hunk: Hunk): boolean;
  /** Records the answer of the same test computed elsewhere (another thread, on the same text). */
  remember(hunk: Hunk, answer: boolean): void;
}

/** `test`, remembered per hunk (hunks do not change once read): run once, or never when an answer was recorded first. */
function rememberHunkPrecheck(test: (hunk: Hunk) => boolean): HunkPrecheck {
  const answers = new WeakMap<Hunk, boolean>();
  const precheck = (hunk: Hunk): boolean => {
    let answer = answers.get(hunk);
    if (answer === undefined) {
      answer = test(hunk);
      answers.set(hunk, answer);
    }
    return answer;
  };
  return Object.assign(precheck, { remember: (hunk: Hunk, answer: boolean) => void answers.set(hunk, answer) });
}

/** By rule id. */
export const HUNK_PRECHECKS = Object.fromEntries(
  HUNK_TEXT_TEST_IDS.map((id) => [id, rememberHunkPrecheck((hunk) => HUNK_TEXT_TESTS[id](hunkAddedText(hunk), hunkAddedLowerText(hunk)))]),
) as Record<HunkTextTestId, HunkPrecheck>;
