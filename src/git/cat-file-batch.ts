/**
 * @module One `git cat-file --batch` process that answers many blob requests in order.
 *
 * Requests are written to stdin as they come; answers (`<oid> <type> <size>\n<content>\n` or
 * `<object> missing\n`) are read from stdout in the same order. Content is streamed through:
 * a blob is either kept (up to a size cap), only counted (newlines), or discarded, so a 2 GB blob
 * costs no memory.
 */
import type { Repository } from './resolve-range.js';
import { collectStderr, spawnGit, waitForExit } from './run-git.js';

export type BlobAnswer =
  | { found: false }
  | { found: true; size: number; content?: Buffer; lineCount?: number };

interface Pending {
  mode: 'content' | 'lines';
  maxBytes: number;
  resolve(answer: BlobAnswer): void;
}

export interface CatFileBatch {
  /** Content of a blob when it is at most `maxBytes` (else `content` is absent and `size` says why). */
  read(object: string, maxBytes: number): Promise<BlobAnswer>;
  /** Number of lines of a blob (a last line without newline counts), without keeping its content. */
  countLines(object: string): Promise<BlobAnswer>;
  close(): Promise<void>;
}

/**
 * A batch reader whose process starts with the first request (most changes need no file content,
 * and a process start is not free). Object names must not contain newlines (`<sha>` or `<rev>:<path>`).
 */
export function openCatFileBatch(repo: Repository): CatFileBatch {
  let started: CatFileBatch | undefined;
  const get = (): CatFileBatch => (started ??= startCatFileBatch(repo));
  return {
    read: (object, maxBytes) => get().read(object, maxBytes),
    countLines: (object) => get().countLines(object),
    close: async () => started?.close(),
  };
}

function startCatFileBatch(repo: Repository): CatFileBatch {
  const child = spawnGit(repo.cwd, ['cat-file', '--batch']);
  const stderr = collectStderr(child);
  const exited = waitForExit(child);
  const queue: Pending[] = [];
  let header = '';
  let current: { pending: Pending; remaining: number; chunks: Buffer[]; newlines: number; size: number; lastByte: number } | undefined;
  // After content, git writes one LF that belongs to no answer.
  let skipLf = false;
  let failure: Error | undefined;

  const finishCurrent = (): void => {
    const entry = current!;
    current = undefined;
    skipLf = true;
    if (entry.pending.mode === 'lines') {
      const lines = entry.newlines + (entry.size > 0 && entry.lastByte !== 10 ? 1 : 0);
      entry.pending.resolve({ found: true, size: entry.size, lineCount: lines });
    } else if (entry.size <= entry.pending.maxBytes) {
      entry.pending.resolve({ found: true, size: entry.size, content: Buffer.concat(entry.chunks) });
    } else {
      entry.pending.resolve({ found: true, size: entry.size });
    }
  };

  const onData = (chunk: Buffer): void => {
    let pos = 0;
    while (pos < chunk.length) {
      if (current) {
        const take = Math.min(current.remaining, chunk.length - pos);
        const part = chunk.subarray(pos, pos + take);
        if (current.pending.mode === 'lines') {
          for (let i = part.indexOf(10); i >= 0; i = part.indexOf(10, i + 1)) current.newlines += 1;
          if (take > 0) current.lastByte = part[take - 1]!;
        } else if (current.size <= current.pending.maxBytes) {
          current.chunks.push(Buffer.from(part));
        }
        current.remaining -= take;
        pos += take;
        if (current.remaining === 0) finishCurrent();
        continue;
      }
      if (skipLf) {
        skipLf = false;
        if (chunk[pos] === 10) pos += 1;
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        header += chunk.toString('utf8', pos);
        return;
      }
      header += chunk.toString('utf8', pos, nl);
      pos = nl + 1;
      const line = header;
      header = '';
      const pending = queue.shift();
      if (!pending) continue;
      if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
        pending.resolve({ found: false });
        continue;
      }
      const size = Number(line.slice(line.lastIndexOf(' ') + 1));
      current = { pending, remaining: size, chunks: [], newlines: 0, size, lastByte: -1 };
      if (size === 0) finishCurrent();
    }
  };
  child.stdout.on('data', onData);
  child.stdin.on('error', () => undefined);
  void exited.then((code) => {
    if (queue.length > 0 || current) {
      failure = new Error(`\`git cat-file --batch\` ended early (exit ${code}): ${stderr()}`);
      for (const pending of queue.splice(0)) pending.resolve({ found: false });
    }
  });

  const request = (object: string, mode: Pending['mode'], maxBytes: number): Promise<BlobAnswer> => {
    if (failure) return Promise.reject(failure);
    if (/[\n\r]/.test(object)) return Promise.resolve({ found: false });
    return new Promise((resolve) => {
      queue.push({ mode, maxBytes, resolve });
      child.stdin.write(`${object}\n`);
    });
  };

  return {
    read: (object, maxBytes) => request(object, 'content', maxBytes),
    countLines: (object) => request(object, 'lines', 0),
    async close() {
      child.stdin.end();
      await exited;
      if (failure) throw failure;
    },
  };
}
