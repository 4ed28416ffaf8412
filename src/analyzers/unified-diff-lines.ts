/**
 * @module Splits a byte stream into decoded lines with bounded memory, for the unified diff parser.
 *
 * Why bytes and not strings: a diff carries file content in any encoding, and a single line may be
 * tens of megabytes (minified bundles, generated data). Lines are found with `Buffer.indexOf` (native),
 * decoded a block at a time with a fatal UTF-8 decoder (one decode per ~64 KB in the common case),
 * and only a block that fails is decoded line by line. A line longer than the limit is never held in
 * memory: its bytes are hashed as they stream past and only its first character and size are kept.
 */
import { createHash, type Hash } from 'node:crypto';

/** Receives the lines of the stream, in order. `line` never contains the `\n` terminator. */
export interface LineSink {
  /** Several complete lines of valid UTF-8, separated by `\n` (no final newline): the common case. */
  lines(block: string): void;
  /** A line of valid UTF-8 (`utf8 = true`), or one that is not, decoded byte for byte as latin1 (`utf8 = false`). */
  line(text: string, utf8: boolean): void;
  /** A line longer than the limit: its first character, its size in bytes and the sha256 of all its bytes. */
  longLine(first: string, bytes: number, sha256: string): void;
}

export interface LineSplitter {
  push(chunk: Buffer): void;
  /** Flushes a last line that has no trailing newline. */
  end(): void;
}

/** Default longest line (in bytes) that is kept as text. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 10;

/** Creates a splitter that feeds `sink`; lines over `maxLineBytes` go to `sink.longLine`. */
export function createLineSplitter(sink: LineSink, maxLineBytes = DEFAULT_MAX_LINE_BYTES): LineSplitter {
  // ignoreBOM keeps a leading U+FEFF as content: stripping it would change what the digest sees.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Buffer[] = [];
  let carryBytes = 0;
  // State of a line that went over the limit and is being skipped until its newline.
  let longHash: Hash | undefined;
  let longFirst = '';
  let longBytes = 0;

  const emitLineBytes = (bytes: Buffer): void => {
    try {
      sink.line(decoder.decode(bytes), true);
    } catch {
      sink.line(bytes.toString('latin1'), false);
    }
  };

  /** Emits a block of complete lines (without the final newline), none longer than the limit. */
  const emitShortBlock = (block: Buffer): void => {
    let text: string;
    try {
      text = decoder.decode(block);
    } catch {
      // Some line in this block is not UTF-8: find which, keep the others as text.
      let start = 0;
      for (;;) {
        const nl = block.indexOf(NEWLINE, start);
        emitLineBytes(block.subarray(start, nl < 0 ? block.length : nl));
        if (nl < 0) return;
        start = nl + 1;
      }
    }
    sink.lines(text);
  };

  const beginLong = (first: Buffer): void => {
    longHash = createHash('sha256');
    longFirst = first.length > 0 ? String.fromCharCode(first[0]!) : '';
    longBytes = 0;
  };
  const finishLong = (): void => {
    sink.longLine(longFirst, longBytes, longHash!.digest('hex'));
    longHash = undefined;
  };
  const feedLong = (bytes: Buffer): void => {
    longHash!.update(bytes);
    longBytes += bytes.length;
  };

  /** Emits complete lines in `block` (no trailing newline), splitting out any line over the limit. */
  const emitBlock = (block: Buffer): void => {
    let pos = 0;
    while (pos <= block.length) {
      if (block.length - pos <= maxLineBytes) {
        emitShortBlock(block.subarray(pos));
        return;
      }
      const lastNl = block.lastIndexOf(NEWLINE, pos + maxLineBytes);
      if (lastNl >= pos) {
        emitShortBlock(block.subarray(pos, lastNl));
        pos = lastNl + 1;
        continue;
      }
      // No newline within the limit: the line starting at `pos` is too long.
      const nl = block.indexOf(NEWLINE, pos);
      const end = nl < 0 ? block.length : nl;
      beginLong(block.subarray(pos, pos + 1));
      feedLong(block.subarray(pos, end));
      finishLong();
      if (nl < 0) return;
      pos = nl + 1;
    }
  };

  const appendCarry = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    if (carryBytes + bytes.length > maxLineBytes) {
      const head = carry.length > 0 ? carry[0]! : bytes;
      beginLong(head);
      for (const part of carry) feedLong(part);
      feedLong(bytes);
      carry = [];
      carryBytes = 0;
      return;
    }
    carry.push(bytes);
    carryBytes += bytes.length;
  };

  const splitChunk = (chunk: Buffer): void => {
    let start = 0;
    if (longHash) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        feedLong(chunk);
        return;
      }
      feedLong(chunk.subarray(0, nl));
      finishLong();
      start = nl + 1;
    }
    if (carryBytes > 0) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl < 0) {
        appendCarry(chunk.subarray(start));
        return;
      }
      const rest = chunk.subarray(start, nl);
      if (carryBytes + rest.length > maxLineBytes) {
        appendCarry(rest);
        finishLong();
      } else {
        emitLineBytes(Buffer.concat([...carry, rest]));
        carry = [];
        carryBytes = 0;
      }
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= start) {
      emitBlock(chunk.subarray(start, last));
      start = last + 1;
    }
    if (start < chunk.length) {
      appendCarry(chunk.subarray(start));
    }
  };

  return {
    push: splitChunk,
    end() {
      if (longHash) finishLong();
      else if (carryBytes > 0) emitLineBytes(Buffer.concat(carry));
      carry = [];
      carryBytes = 0;
    },
  };
}
