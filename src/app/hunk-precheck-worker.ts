/**
 * @module The thread that runs the rules' quick hunk tests of a large change for `offload-hunk-prechecks.ts`.
 *
 * Messages in: `start` (once, with the shared `taken` flags) and `hunks` (a batch of hunk texts,
 * as `hunkAddedText` gives them). Out: `answers` for each batch, one byte per text, bit `i` set
 * when test `HUNK_TEXT_TEST_IDS[i]` passes.
 */
import { parentPort } from 'node:worker_threads';
import { HUNK_TEXT_TESTS, HUNK_TEXT_TEST_IDS } from '../rules/hunk-text-tests.js';

export type PrecheckRequest =
  /** The other thread sets `taken[batch]` when it runs that batch's tests itself: the worker then skips it. */
  | { kind: 'start'; taken: Int32Array }
  | { kind: 'hunks'; batch: number; texts: string[] };

export interface PrecheckAnswers {
  batch: number;
  answers: Uint8Array;
}

/** The answer bits of one hunk text. */
function precheckBits(text: string): number {
  const lower = text.toLowerCase();
  let bits = 0;
  HUNK_TEXT_TEST_IDS.forEach((id, bit) => {
    if (HUNK_TEXT_TESTS[id](text, lower)) bits |= 1 << bit;
  });
  return bits;
}

let taken: Int32Array | undefined;

parentPort?.on('message', (request: PrecheckRequest) => {
  if (request.kind === 'start') {
    taken = request.taken;
    return;
  }
  const { batch, texts } = request;
  if (taken && batch < taken.length && Atomics.load(taken, batch) === 1) return;
  const answers = new Uint8Array(texts.length);
  for (let index = 0; index < texts.length; index += 1) answers[index] = precheckBits(texts[index]!);
  const reply: PrecheckAnswers = { batch, answers };
  parentPort!.postMessage(reply, [answers.buffer]);
});
