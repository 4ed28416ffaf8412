/**
 * @module Benchmark of `readChange` on a 10,000-file / 300,000-line change, against `git diff` on the same repository.
 *
 * Target: `readChange` takes at most 2× `git diff base head >/dev/null`, with peak memory under
 * 400 MB. Times are medians of 3 runs; `readChange` is timed in this process (no start-up cost),
 * its peak memory is measured in a separate process that only reads the change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readChange } from '../src/git/read-change.js';

const ROOT = resolve(import.meta.dirname, '..');

const FILES = 10_000;
const LINES_PER_FILE = 30;

function git(dir: string, args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Carol', GIT_AUTHOR_EMAIL: 'carol@example.com', GIT_COMMITTER_NAME: 'Carol', GIT_COMMITTER_EMAIL: 'carol@example.com' },
  });
}

/** A repository whose `big` branch adds FILES files of LINES_PER_FILE lines in one commit. */
function buildRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-read-change-'));
  git(dir, ['init', '-q', '-b', 'main']);
  // No automatic gc: the big commit would start one in the background, in the middle of the timings.
  git(dir, ['config', 'gc.auto', '0']);
  writeFileSync(join(dir, 'README.md'), '# bench\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  git(dir, ['checkout', '-q', '-b', 'big']);
  for (let index = 0; index < FILES; index += 1) {
    const folder = join(dir, `area-${index % 10}`, `module-${Math.floor(index / 100)}`);
    mkdirSync(folder, { recursive: true });
    const lines: string[] = [];
    for (let line = 0; line < LINES_PER_FILE; line += 1) lines.push(`export const value_${index}_${line} = ${line} * ${index}; // generated line ${line}`);
    writeFileSync(join(folder, `file-${index}.ts`), `${lines.join('\n')}\n`);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'a very large change']);
  // Packed, as the objects of a repository in use are, before anything is timed.
  git(dir, ['gc', '--quiet']);
  return dir;
}

// Each timed run starts with a collected heap, as a fresh `tollgate` process would: without this,
// collecting the previous run's 300,000 lines would be billed to the next one.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeGitDiff(dir: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('git', ['diff', 'main', 'big'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`git diff exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function timeReadChange(dir: string): Promise<number> {
  collectGarbage();
  const started = process.hrtime.bigint();
  const change = await readChange({ repoDir: dir, base: 'main', head: 'big' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (change.stats.files !== FILES || change.stats.additions !== FILES * LINES_PER_FILE) {
    throw new Error(`readChange saw ${change.stats.files} files / ${change.stats.additions} lines`);
  }
  return ms;
}

/** Peak RSS (MB) of a fresh process that does nothing but read the change. */
function peakRssOfReadChange(dir: string): number {
  const module = pathToFileURL(join(ROOT, 'src/git/read-change.ts')).href;
  const script = `const { readChange } = await import(${JSON.stringify(module)});
await readChange({ repoDir: ${JSON.stringify(dir)}, base: 'main', head: 'big' });
process.stdout.write(String(process.resourceUsage().maxRSS));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`peak memory run failed: ${result.stderr}`);
  return Number(result.stdout.trim()) / 1024;
}

export async function benchReadChange(): Promise<{ gitDiffMs: number; readChangeMs: number; ratio: number; peakRssMb: number }> {
  const dir = buildRepo();
  try {
    // One warm-up of each so both read from a warm page cache.
    timeGitDiff(dir);
    await timeReadChange(dir);
    const gitDiff: number[] = [];
    const read: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      gitDiff.push(timeGitDiff(dir));
      read.push(await timeReadChange(dir));
    }
    const gitDiffMs = median(gitDiff);
    const readChangeMs = median(read);
    return { gitDiffMs, readChangeMs, ratio: readChangeMs / gitDiffMs, peakRssMb: peakRssOfReadChange(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchReadChange();
  console.log(JSON.stringify(result));
}
