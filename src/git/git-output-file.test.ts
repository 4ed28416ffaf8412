import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitRepo } from '../../test/helpers/git-repo.js';
import { readGitOutput } from './git-output-file.js';

const repo = createGitRepo();
// More output than one read takes, so the file is read while git is still writing it.
const bigFile = Array.from({ length: 60_000 }, (_, i) => `export const value_${i} = ${i}; // a line of generated content\n`).join('');
repo.writeAll({ 'a.ts': 'export const a = 1;\n' }).commit('base');
repo.writeAll({ 'big.ts': bigFile, 'a.ts': 'export const a = 2;\n' }).commit('big');
afterAll(() => repo.cleanup());

let temp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'tollgate-git-output-test-'));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = temp; // where readGitOutput makes its file
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(temp, { recursive: true, force: true });
});

async function readAll(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; count: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return { bytes: Buffer.concat(parts), count: parts.length };
}

describe('readGitOutput', () => {
  it('gives every byte git writes, in order, and leaves no file behind', async () => {
    const output = await readGitOutput(repo.dir, ['diff', 'HEAD~1', 'HEAD']);
    expect(readdirSync(temp)).toEqual([]); // unlinked as soon as both ends were open
    const { bytes } = await readAll(output.chunks);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(bytes.equals(execFileSync('git', ['diff', 'HEAD~1', 'HEAD'], { cwd: repo.dir, maxBuffer: 64 * 2 ** 20 }))).toBe(true);
    expect(await output.exitCode()).toBe(0);
  });

  it('hands over chunks that stay intact after later reads', async () => {
    const output = await readGitOutput(repo.dir, ['diff', 'HEAD~1', 'HEAD']);
    const kept: { chunk: Buffer; copy: Buffer }[] = [];
    for await (const chunk of output.chunks) kept.push({ chunk, copy: Buffer.from(chunk) });
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.every(({ chunk, copy }) => chunk.equals(copy))).toBe(true);
  });

  it('reads output git finished writing before reading began', async () => {
    const output = await readGitOutput(repo.dir, ['diff', 'HEAD~1', 'HEAD', '--', 'a.ts']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { bytes } = await readAll(output.chunks);
    expect(bytes.toString()).toContain('+export const a = 2;');
    expect(await output.exitCode()).toBe(0);
  });

  it('falls back to a pipe when no temporary file can be made', async () => {
    const notAFolder = join(temp, 'file');
    writeFileSync(notAFolder, '');
    process.env.TMPDIR = notAFolder;
    const output = await readGitOutput(repo.dir, ['diff', 'HEAD~1', 'HEAD']);
    const { bytes } = await readAll(output.chunks);
    expect(bytes.equals(execFileSync('git', ['diff', 'HEAD~1', 'HEAD'], { cwd: repo.dir, maxBuffer: 64 * 2 ** 20 }))).toBe(true);
    expect(await output.exitCode()).toBe(0);
  });

  it('reports git’s exit code and stderr for a failing command', async () => {
    const output = await readGitOutput(repo.dir, ['diff', 'no-such-revision', 'HEAD']);
    const { bytes } = await readAll(output.chunks);
    expect(bytes.length).toBe(0);
    expect(await output.exitCode()).toBe(128);
    expect(output.stderr()).toMatch(/no-such-revision/);
  });

  it('stops git when the reader stops early', async () => {
    // git runs `echo start; sleep 1` for this alias: it is still running when the reader stops.
    const output = await readGitOutput(repo.dir, ['-c', 'alias.slow=!echo start; sleep 1', 'slow']);
    for await (const chunk of output.chunks) {
      expect(chunk.toString()).toContain('start');
      break;
    }
    // Killed (no exit code of its own), not finished.
    expect(await output.exitCode()).toBe(128);
    expect(readdirSync(temp)).toEqual([]);
  });
});
