import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLineSplitter, type LineSink } from './unified-diff-lines.js';

type Emitted = { text: string; utf8: boolean } | { first: string; bytes: number; sha256: string };

function split(input: Buffer, chunkSizes: number[], maxLineBytes: number): Emitted[] {
  const out: Emitted[] = [];
  const sink: LineSink = {
    lines: (block) => block.split('\n').forEach((text) => out.push({ text, utf8: true })),
    line: (text, utf8) => out.push({ text, utf8 }),
    longLine: (first, bytes, sha256) => out.push({ first, bytes, sha256 }),
  };
  const splitter = createLineSplitter(sink, maxLineBytes);
  let pos = 0;
  for (let i = 0; pos < input.length; i += 1) {
    const size = chunkSizes[i % chunkSizes.length]!;
    splitter.push(input.subarray(pos, pos + size));
    pos += size;
  }
  splitter.end();
  return out;
}

/** What any correct splitter must produce: split on LF, classify each line on its own. */
function reference(input: Buffer, maxLineBytes: number): Emitted[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let nl = input.indexOf(10); nl >= 0; nl = input.indexOf(10, start)) {
    parts.push(input.subarray(start, nl));
    start = nl + 1;
  }
  if (start < input.length) parts.push(input.subarray(start));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return parts.map((bytes) => {
    if (bytes.length > maxLineBytes) return { first: String.fromCharCode(bytes[0]!), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    try {
      return { text: decoder.decode(bytes), utf8: true };
    } catch {
      return { text: bytes.toString('latin1'), utf8: false };
    }
  });
}

const INPUT = Buffer.concat([
  Buffer.from('diff --git a/x b/x\n+caf\u00e9 \u{1F916}\n\n+crlf\r\n'),
  Buffer.from([0x2b, 0x63, 0x61, 0x66, 0xe9, 0x0a]), // `+caf\xe9`: latin1, not UTF-8
  Buffer.from(`+${'y'.repeat(300)}\n`), // over a 256-byte limit
  Buffer.from(`-${'z'.repeat(256)}\n`), // 257 bytes: over by one
  Buffer.from(` ${'w'.repeat(254)}\n`), // 255 bytes: kept
  Buffer.from('\uFEFF+bom\nlast line without newline'),
]);

describe('createLineSplitter', () => {
  it.each([[[1]], [[2, 3]], [[7]], [[64]], [[255, 1, 300]], [[100_000]]])('splits the same way for chunk sizes %j', (sizes) => {
    expect(split(INPUT, sizes, 256)).toEqual(reference(INPUT, 256));
  });

  it('keeps a BOM and never holds a long line in memory', () => {
    const emitted = split(INPUT, [64], 256);
    expect(emitted).toContainEqual({ text: '\uFEFF+bom', utf8: true });
    expect(emitted.filter((e) => 'bytes' in e).map((e) => ('bytes' in e ? [e.first, e.bytes] : []))).toEqual([
      ['+', 301],
      ['-', 257],
    ]);
  });
});
