/**
 * @module Reads the hook payload from stdin with a size limit, and refuses invalid UTF-8.
 */
import { fstatSync, read } from 'node:fs';
import type { Readable } from 'node:stream';

/** Payloads above this size are refused (a 100 KB command is fine; 10 MB is not a hook payload). */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

export type StdinResult = { text: string } | { error: string };

/** Reads all of `input`, stopping early when it grows past `limit`. */
export async function readStdin(input: Readable, limit = MAX_PAYLOAD_BYTES): Promise<StdinResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      input.destroy();
      return { error: `the hook payload is larger than ${Math.round(limit / 1024 / 1024)} MB` };
    }
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

/**
 * Reads a file descriptor (stdin is 0) to the end without `process.stdin`, whose stream machinery
 * costs more start-up time than the whole decision. A pipe is read on the event loop, never by a
 * blocking read in the thread pool: a writer that never closes the pipe must not keep the process
 * from exiting once the guard has answered (Node waits for thread-pool reads at exit).
 */
export async function readDescriptor(fd: number, limit = MAX_PAYLOAD_BYTES): Promise<StdinResult> {
  const stat = fstatSync(fd);
  if (stat.isFIFO() || stat.isSocket()) return readPipe(fd, limit);
  return readFileDescriptor(fd, limit);
}

async function readPipe(fd: number, limit: number): Promise<StdinResult> {
  const { Socket } = await import('node:net');
  const socket = new Socket({ fd, readable: true, writable: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        socket.destroy();
        resolve({ error: `the hook payload is larger than ${Math.round(limit / 1024 / 1024)} MB` });
        return;
      }
      chunks.push(chunk);
    });
    socket.on('end', () => resolve(decodeUtf8(Buffer.concat(chunks))));
    socket.on('error', (error) => resolve({ error: `cannot read the hook payload: ${error.message}` }));
  });
}

async function readFileDescriptor(fd: number, limit: number): Promise<StdinResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(65536);
    const count = await new Promise<number>((resolve, reject) => {
      read(fd, buffer, 0, buffer.length, null, (error, bytes) => {
        if (error && (error as NodeJS.ErrnoException).code === 'EAGAIN') resolve(-1);
        else if (error) reject(error);
        else resolve(bytes);
      });
    });
    if (count === 0) break;
    if (count < 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    size += count;
    if (size > limit) return { error: `the hook payload is larger than ${Math.round(limit / 1024 / 1024)} MB` };
    chunks.push(buffer.subarray(0, count));
  }
  return decodeUtf8(Buffer.concat(chunks));
}

function decodeUtf8(bytes: Buffer): StdinResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'the hook payload is not valid UTF-8' };
  }
}

/** Parses a payload into a JSON object, or says what is wrong with it. */
export function parsePayload(text: string): { payload: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { error: 'the hook payload is empty (expected a JSON object on stdin)' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `the hook payload is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'the hook payload is not a JSON object' };
  return { payload: value as Record<string, unknown> };
}
