/**
 * @module `audit verify` over a SQL store: stream the chain in batches, link rows on this thread,
 * recompute hashes on worker threads, and name the first bad seq.
 */
import { verifyCheckpointSignature } from '../../core/audit/checkpoint-statement.js';
import { alteredBreak, createChainVerifier, type ChainBreak, type ExpectedHash } from '../../core/audit/verify-chain.js';
import type { AuditVerifyOptions, AuditVerifyResult } from '../store.js';
import { readCheckpoints, readHashedBatch, readMaxSeq } from './audit-scripts.js';
import { inlineHashChecker, workerHashChecker, type HashChecker } from './hash-check-pool.js';
import type { SqlDriver } from './sql-script.js';

export interface VerifyTuning {
  batchSize?: number;
  /** Logs with at least this many events are hashed on worker threads. */
  workerThreshold?: number;
  /** Hashes with this checker instead (closed by the caller). */
  checker?: HashChecker;
}

/** Small batches suit an in-process database; a server prefers fewer round trips. */
const BATCH_SIZE = { sqlite: 1000, postgres: 5000 } as const;
const WORKER_THRESHOLD = 50_000;

/**
 * Verifies the whole chain against its stored checkpoints and the given one.
 *
 * INVARIANT: the reported seq is the smallest bad one. Batches are checked in seq order; hash
 * mismatches are collected in that order, and a structural break ends the reading, so an earlier
 * hash mismatch still wins over it.
 */
export async function verifyAudit(driver: SqlDriver, options: AuditVerifyOptions, tuning: VerifyTuning = {}): Promise<AuditVerifyResult> {
  const batchSize = tuning.batchSize ?? BATCH_SIZE[driver.dialect.name];
  const workerThreshold = tuning.workerThreshold ?? WORKER_THRESHOLD;
  const stored = await driver.read(readCheckpoints());
  const expected: ExpectedHash[] = [];
  const candidates = [...(options.checkpoint ? [{ checkpoint: options.checkpoint, source: 'checkpoint file' }] : []), ...stored.map((checkpoint) => ({ checkpoint, source: 'stored checkpoint' }))];
  for (const { checkpoint, source } of candidates) {
    if (options.publicKey && !verifyCheckpointSignature(checkpoint, options.publicKey)) {
      return { ok: false, firstBadSeq: checkpoint.seq, reason: `the ${source} for event ${checkpoint.seq} has no valid signature by the given key`, count: 0 };
    }
    expected.push({ seq: checkpoint.seq, hash: checkpoint.hash, source });
  }
  const verifier = createChainVerifier(expected);
  const checker: HashChecker = tuning.checker ?? ((await driver.read(readMaxSeq())) >= workerThreshold ? workerHashChecker() : inlineHashChecker());
  const fail = (broken: ChainBreak, count: number): AuditVerifyResult => ({ ok: false, firstBadSeq: broken.seq, reason: broken.reason, count });
  const jobs: { firstSeq: number; bad: Promise<number> }[] = [];
  const inFlightLimit = 16;
  let settled = 0;
  try {
    let structural: ChainBreak | undefined;
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await driver.read(readHashedBatch(after, batchSize, driver.dialect));
      const texts: string[] = [];
      const hashes: string[] = [];
      for (const [seq, text, hash] of rows) {
        // A hash of the wrong length is an edit whatever its digits.
        structural = hash.length === 64 ? verifier.link(seq, text.slice(0, 64), hash) : alteredBreak(seq);
        if (structural) break;
        texts.push(text);
        hashes.push(hash);
      }
      if (texts.length > 0) jobs.push({ firstSeq: rows[0]![0], bad: checker.check(texts, hashes) });
      // Keep a bounded number of batches in flight: memory stays flat while workers hash.
      while (jobs.length - settled > inFlightLimit) {
        const job = jobs[settled++]!;
        const bad = await job.bad;
        if (bad >= 0) return fail(alteredBreak(job.firstSeq + bad), job.firstSeq + bad - 1);
      }
      if (structural || rows.length < batchSize) break;
      after = rows[rows.length - 1]![0];
    }
    for (; settled < jobs.length; settled += 1) {
      const job = jobs[settled]!;
      const bad = await job.bad;
      if (bad >= 0) return fail(alteredBreak(job.firstSeq + bad), job.firstSeq + bad - 1);
    }
    if (structural) return fail(structural, verifier.count);
    const end = verifier.finish();
    if (end) return fail(end, verifier.count);
    return { ok: true, count: verifier.count, ...(verifier.head ? { head: verifier.head } : {}), checkpointsChecked: expected.length };
  } finally {
    if (!tuning.checker) await checker.close();
  }
}
