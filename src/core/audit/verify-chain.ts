/**
 * @module Verifying the audit chain row by row, naming the first sequence number that is wrong.
 *
 * Rows are fed in ascending `seq` order (the adapters stream them in batches), so a log of
 * millions of events is checked in constant memory. The structural checks (`link`) and the hash
 * recomputation (`rowHashMatches`) are separate so the adapters can hash batches on other threads.
 */
import { GENESIS_HASH, type StoredEventRow } from './audit-event.js';
import { canonicalEventText, chainHash } from './hash-event.js';

/** Where the chain first goes wrong and why, in one lower-case line. */
export interface ChainBreak {
  seq: number;
  reason: string;
}

/** A hash the chain must have at a sequence number: from a signed checkpoint. */
export interface ExpectedHash {
  seq: number;
  hash: string;
  /** Where the expectation comes from, for the message, e.g. `checkpoint file` or `stored checkpoint`. */
  source: string;
}

export interface ChainVerifier {
  /**
   * Structural checks of the next row: its seq follows the previous one, its `prevHash` is the
   * previous row's hash, and its hash matches any checkpoint at its seq. Does not recompute the
   * hash. Positional arguments: this runs once per event on the hot path of `audit verify`.
   */
  link(seq: number, prevHash: string, hash: string): ChainBreak | undefined;
  /** `link` plus the recomputation of the row's own hash. */
  push(row: StoredEventRow): ChainBreak | undefined;
  /** After the last row: checks that no expected hash lies beyond the end (truncation). */
  finish(): ChainBreak | undefined;
  /** Rows accepted so far. */
  readonly count: number;
  /** The last accepted row, when any. */
  readonly head: { seq: number; hash: string } | undefined;
}

/** The exact text a row's hash covers: its `prevHash` followed by its canonical event. */
export function hashedText(row: StoredEventRow): string {
  return row.prevHash + canonicalEventText(row.seq, row.at, row.actor, row.type, row.subject, row.payload);
}

/** True when the row's stored hash is the hash of its own content and `prevHash`. */
export function rowHashMatches(row: StoredEventRow): boolean {
  return chainHash(row.prevHash, canonicalEventText(row.seq, row.at, row.actor, row.type, row.subject, row.payload)) === row.hash;
}

/** The break reported for a row whose content no longer matches its hash. */
export function alteredBreak(seq: number): ChainBreak {
  return { seq, reason: `event ${seq} was altered: its content does not match its hash` };
}

/**
 * Starts a verification.
 *
 * INVARIANT: seq runs 1, 2, 3… without gaps; event 1 links to {@link GENESIS_HASH}; each event's
 * `prevHash` is its predecessor's `hash`; each `hash` is recomputed from the row's own content.
 * An edited row fails its own hash; a deleted row leaves a gap; an inserted or reordered row
 * breaks a link or its hash (seq is inside the hash); a truncated tail is caught only by a
 * checkpoint beyond the new end, which is why checkpoints are signed and exported.
 */
export function createChainVerifier(expected: readonly ExpectedHash[] = []): ChainVerifier {
  const expectations = new Map<number, ExpectedHash>();
  for (const entry of expected) if (!expectations.has(entry.seq)) expectations.set(entry.seq, entry);
  let nextSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let lastSeq = 0;

  const link = (seq: number, rowPrevHash: string, hash: string): ChainBreak | undefined => {
    if (seq !== nextSeq) {
      return seq > nextSeq
        ? { seq: nextSeq, reason: `event ${nextSeq} is missing: the next stored event is ${seq} (deleted)` }
        : { seq, reason: `unexpected event ${seq} where ${nextSeq} should be (inserted)` };
    }
    if (rowPrevHash !== prevHash) {
      return { seq, reason: `event ${seq} does not link to event ${seq - 1}: inserted, deleted or reordered` };
    }
    const expectation = expectations.get(seq);
    if (expectation && expectation.hash !== hash) {
      return { seq, reason: `event ${seq} differs from the ${expectation.source}: the log was rewritten at or before it` };
    }
    prevHash = hash;
    nextSeq += 1;
    count += 1;
    lastSeq = seq;
    return undefined;
  };

  return {
    link,
    push(row) {
      return link(row.seq, row.prevHash, row.hash) ?? (rowHashMatches(row) ? undefined : alteredBreak(row.seq));
    },
    finish() {
      let beyond: ExpectedHash | undefined;
      for (const entry of expectations.values()) if (entry.seq >= nextSeq && (!beyond || entry.seq > beyond.seq)) beyond = entry;
      if (!beyond) return undefined;
      return {
        seq: nextSeq,
        reason: `the log ends at event ${nextSeq - 1} but the ${beyond.source} vouches for event ${beyond.seq}: events were deleted (truncated)`,
      };
    },
    get count() {
      return count;
    },
    get head() {
      return count > 0 ? { seq: lastSeq, hash: prevHash } : undefined;
    },
  };
}
