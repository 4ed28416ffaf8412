/**
 * @module Line arithmetic for SQL text: libpg-query reports statements in UTF-8 bytes and errors in characters.
 */
import type { Node } from 'libpg-query';

/** One statement and the 1-based lines it spans in the file (through its terminating `;`). */
export type SqlStatement =
  | {
      kind: 'statement';
      node: Node;
      text: string;
      line: number;
      endLine: number;
      inDoBlock: boolean;
      /** For a statement inside a `DO` block: the lines of the whole block. */
      block?: { line: number; endLine: number };
    }
  /** `EXECUTE <expression>` inside a `DO` block: the SQL is built at run time. */
  | { kind: 'dynamic'; line: number; endLine: number }
  /** A `DO` block body the PL/pgSQL parser rejected (or a language other than plpgsql). */
  | { kind: 'opaque'; line: number; endLine: number; reason: string };

/** A syntax error: the parser's message and the 1-based line it points at. */
export interface SqlSyntaxError {
  message: string;
  line: number;
  /**
   * The statement the error is in, as far as `;` delimits it (a `;` inside a string after the
   * error can cut it short): its text and the lines it spans. What it seems to do can still be
   * told from its words.
   */
  statement?: {
    text: string;
    line: number;
    endLine: number;
    /** The statement from an earlier start, where another dialect's lexical rules put the end of the one before, and its line. */
    wider?: { text: string; line: number };
    /** The statement and everything after it: parsing stopped there (too many errors). */
    rest?: boolean;
  };
}

/** The parser's message and the 0-based character offset of its cursor, from a libpg-query error. */
export function readParserError(error: unknown): { message: string; cursor?: number } {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (error instanceof Error ? error.message : String(error));
  const cursor = details?.cursorPosition;
  return cursor === undefined || cursor < 0 ? { message } : { message, cursor };
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Maps UTF-8 byte offsets to 1-based lines and back to text. */
export class ByteLines {
  readonly byteLength: number;
  private readonly bytes: Buffer;
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    this.byteLength = this.bytes.length;
    for (let i = this.bytes.indexOf(10); i !== -1; i = this.bytes.indexOf(10, i + 1)) this.lineStarts.push(i + 1);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset of the `;` ending a statement at `end`, when only whitespace separates them. */
  terminatorAt(end: number): number | undefined {
    let i = end;
    while (i < this.bytes.length && (this.bytes[i] === 0x20 || this.bytes[i] === 0x09 || this.bytes[i] === 0x0a || this.bytes[i] === 0x0d)) i++;
    return this.bytes[i] === 0x3b ? i : undefined;
  }

  slice(start: number, end: number): string {
    return this.bytes.subarray(start, end).toString('utf8');
  }
}
