/**
 * @module Runs the rules' quick hunk tests of a large change on another thread while the diff is still being read.
 *
 * The quick tests of `secrets` and `prompt-injection` (`hunk-text-tests.ts`) scan every added
 * byte. On a large change this thread is busy reading git's output (and hashing it into the
 * digest) for as long as git writes, so hunk texts are handed in batches, as files are read, to a
 * worker thread (`hunk-precheck-worker.ts`) that runs the same tests and answers one byte per
 * hunk; the answers are recorded in `HUNK_PRECHECKS` before the rules run. Once the diff is read,
 * this thread tests batches from the last one back while the worker finishes from the front.
 *
 * Only ever a head start: both threads run the same functions on the same text, and a hunk
 * without an answer (a small change never starts the worker; the worker failed) is tested by the
 * rule itself when it gets there, so findings never depend on the worker.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChangedFile } from '../core/change.js';
import { TextHunk } from '../core/hunk-body.js';
import { HUNK_PRECHECKS } from '../rules/hunk-prechecks.js';
import { HUNK_TEXT_TEST_IDS } from '../rules/hunk-text-tests.js';
import type { PrecheckAnswers, PrecheckRequest } from './hunk-precheck-worker.js';

export interface PrecheckOffloadOptions {
  /** Characters of hunk text read before the worker starts: below it, starting one costs more than it saves. */
  startChars?: number;
  /** Characters of hunk text per batch. */
  batchChars?: number;
}

export interface PrecheckOffload {
  /** A file just read (final). */
  add(file: ChangedFile): void;
  /**
   * Makes sure every hunk handed over has its answers and stops the worker (never rejects).
   * Files added afterwards are ignored: the diff may still be read after the change failed.
   */
  finish(): Promise<void>;
  /** Whether a worker was started, and how many batches it answered (for tests and measurements). */
  readonly started: boolean;
  readonly answered: number;
}

const DEFAULT_START_CHARS = 2_000_000;
const DEFAULT_BATCH_CHARS = 256 * 1024;
/** Batches the two threads can tell each other they took; later ones may simply be tested twice. */
const MAX_SHARED_BATCHES = 4096;

/** Starts collecting hunks; the worker starts once there is enough text to be worth it. */
export function offloadHunkPrechecks(options: PrecheckOffloadOptions = {}): PrecheckOffload {
  const startChars = options.startChars ?? DEFAULT_START_CHARS;
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  let worker: Worker | undefined;
  let failed = false;
  let finished = false;
  const taken = new Int32Array(new SharedArrayBuffer(MAX_SHARED_BATCHES * Int32Array.BYTES_PER_ELEMENT));
  const unanswered = new Map<number, TextHunk[]>();
  let collected: { hunks: TextHunk[]; chars: number } = { hunks: [], chars: 0 };
  let totalChars = 0;
  let nextBatch = 0;
  let answered = 0;

  const record = ({ batch, answers }: PrecheckAnswers): void => {
    const hunks = unanswered.get(batch);
    if (!hunks) return;
    unanswered.delete(batch);
    answered += 1;
    hunks.forEach((hunk, index) => {
      HUNK_TEXT_TEST_IDS.forEach((id, bit) => HUNK_PRECHECKS[id].remember(hunk, (answers[index]! & (1 << bit)) !== 0));
    });
  };

  const post = (request: PrecheckRequest): void => worker!.postMessage(request);

  const send = (): void => {
    if (collected.hunks.length === 0 || !worker || failed) return;
    const batch = nextBatch++;
    unanswered.set(batch, collected.hunks);
    post({ kind: 'hunks', batch, texts: collected.hunks.map((hunk) => hunk.body) });
    collected = { hunks: [], chars: 0 };
  };

  const start = (): void => {
    try {
      worker = startWorker();
    } catch {
      failed = true;
      return;
    }
    worker.on('message', record);
    // A worker that fails leaves its batches to `finish` and to the rules.
    const fail = (): void => void (failed = true);
    worker.on('error', fail);
    worker.on('exit', fail);
    // Nothing ever waits for the worker (`finish` tests what it has not answered), so it must never
    // be what keeps the process alive.
    worker.unref();
    post({ kind: 'start', taken });
  };

  return {
    add(file) {
      if (failed || finished) return;
      for (const hunk of file.hunks) {
        if (!(hunk instanceof TextHunk)) continue; // hunks built another way are tested by the rules
        collected.hunks.push(hunk);
        collected.chars += hunk.body.length;
        totalChars += hunk.body.length;
      }
      if (!worker && totalChars >= startChars) start();
      if (collected.chars >= batchChars) send();
    },

    async finish() {
      finished = true;
      if (!worker) return;
      send();
      // Rather than wait, test batches from the last one back, letting the worker's answers in
      // between: the two threads meet in the middle. What the worker never answers is tested here.
      for (const batch of [...unanswered.keys()].reverse()) {
        await new Promise((resolve) => setImmediate(resolve));
        const hunks = unanswered.get(batch);
        if (!hunks) continue;
        if (batch < taken.length) Atomics.store(taken, batch, 1);
        unanswered.delete(batch);
        for (const hunk of hunks) for (const id of HUNK_TEXT_TEST_IDS) HUNK_PRECHECKS[id](hunk);
      }
      await worker.terminate();
    },

    get started() {
      return worker !== undefined;
    },
    get answered() {
      return answered;
    },
  };
}

/**
 * The worker: the built bundle (loaded with its code cache, like every bundle), or the TypeScript
 * source when running unbundled (tests).
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) {
    // This code runs from a bundle in dist/commands/.
    const bundle = fileURLToPath(new URL('../hunk-precheck-worker.cjs', import.meta.url));
    const loader = fileURLToPath(new URL('../../bin/load-bundle.cjs', import.meta.url));
    return new Worker(`require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)});`, { eval: true });
  }
  const require = createRequire(import.meta.url);
  const source = fileURLToPath(new URL('./hunk-precheck-worker.ts', import.meta.url));
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, { eval: true });
}
