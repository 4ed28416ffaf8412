/**
 * @module Checking batches of audit hashes, inline or on worker threads beside the database reader.
 *
 * `audit verify` over millions of events spends its time reading rows and hashing them; hashing
 * on worker threads while the main thread reads the next batch brings it closer to raw hashing
 * speed when cores are free. (A SharedArrayBuffer hand-off was tried: encoding the batch cost
 * the reading thread more than `postMessage` of the strings.)
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sha256Hex } from '../../core/audit/hash-event.js';

export interface HashChecker {
  /** Index of the first text whose sha256 (lower-case hex) differs from `hashes[i]`, or -1. */
  check(texts: readonly string[], hashes: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** Hashes on the calling thread (small logs: a worker costs more to start than it saves). */
export function inlineHashChecker(): HashChecker {
  return {
    check: async (texts, hashes) => texts.findIndex((text, index) => sha256Hex(text) !== hashes[index]),
    close: async () => undefined,
  };
}

/**
 * The worker's whole program, self-contained so it runs from the bundled CLI too.
 * INVARIANT: the same digest as `sha256Hex` in core/audit/hash-event.ts (a test holds them equal).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const digest = typeof crypto.hash === 'function'
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
parentPort.on('message', ({ id, texts, hashes }) => {
  let bad = -1;
  for (let i = 0; i < texts.length; i++) if (digest(texts[i]) !== hashes[i]) { bad = i; break; }
  parentPort.postMessage({ id, bad });
});
`;

/** Spreads batches over `size` worker threads (default: one per spare core, at most 4). */
export function workerHashChecker(size = Math.min(4, Math.max(1, availableParallelism() - 1))): HashChecker {
  const workers = Array.from({ length: size }, () => new Worker(WORKER_SOURCE, { eval: true }));
  const pending = new Map<number, { resolve: (bad: number) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, bad }: { id: number; bad: number }) => {
      pending.get(id)?.resolve(bad);
      pending.delete(id);
    });
    worker.on('error', (error) => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    });
  }
  return {
    check(texts, hashes) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, texts, hashes });
      });
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
