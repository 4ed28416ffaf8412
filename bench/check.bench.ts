/**
 * @module Benchmark of `tollgate check` end to end, as a process, against `git diff` on the same repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchEnv } from './bench-env.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/tollgate.cjs');
const RSS_PRELOAD = join(ROOT, 'bench/report-rss.cjs');

const CATALOG = `version: 1
people: [{ id: carol, emails: [carol@example.com] }, { id: dave, emails: [dave@example.com] }]
teams: { core: [carol, dave] }
systems:
  - { id: core, tier: 1, owners: [core], director: dave, paths: ["services/core/**"], critical: ["services/core/pricing/**"] }
  - { id: web, tier: 2, owners: [core], paths: ["services/web/**"] }
`;

function git(dir: string, args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Carol', GIT_AUTHOR_EMAIL: 'carol@example.com', GIT_COMMITTER_NAME: 'Carol', GIT_COMMITTER_EMAIL: 'carol@example.com' },
  });
}

/** A repository whose `big` branch adds `files` files of `linesPerFile` lines, and whose `small` branch edits one file. */
function buildRepo(files: number, linesPerFile: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-check-'));
  git(dir, ['init', '-q', '-b', 'main']);
  // No automatic gc: the big commit would start one in the background, in the middle of the timings.
  git(dir, ['config', 'gc.auto', '0']);
  writeFileSync(join(dir, 'tollgate.yaml'), CATALOG);
  mkdirSync(join(dir, 'services/core/pricing'), { recursive: true });
  writeFileSync(join(dir, 'services/core/pricing/price.ts'), 'export const price = 1;\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  git(dir, ['checkout', '-q', '-b', 'small']);
  writeFileSync(join(dir, 'services/core/pricing/price.ts'), 'export const price = 2;\n');
  git(dir, ['commit', '-q', '-am', 'one file']);
  git(dir, ['checkout', '-q', '-b', 'big', 'main']);
  const areas = ['services/core', 'services/web', 'lib'];
  for (let index = 0; index < files; index += 1) {
    const folder = join(dir, areas[index % areas.length]!, `module-${Math.floor(index / 100)}`);
    if (index % 100 === 0 || index % 100 < areas.length) mkdirSync(folder, { recursive: true });
    const lines: string[] = [];
    for (let line = 0; line < linesPerFile; line += 1) lines.push(`export const value_${index}_${line} = ${line} * ${index}; // generated line ${line}`);
    writeFileSync(join(folder, `file-${index}.ts`), `${lines.join('\n')}\n`);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'a very large change']);
  // Packed, as the objects of a repository in use are, before anything is timed.
  git(dir, ['gc', '--quiet']);
  return dir;
}

function timeMs(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = benchEnv()): { ms: number; stderr: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface CheckBench {
  gitDiffMs: number;
  checkMs: number;
  ratio: number;
  peakRssMb: number;
  oneFileMs: number;
  nodeBareMs: number;
}

export async function benchCheck(): Promise<CheckBench> {
  const dir = buildRepo(10_000, 30);
  try {
    const gitDiff: number[] = [];
    const check: number[] = [];
    let peakKb = 0;
    for (let run = 0; run < 3; run += 1) {
      gitDiff.push(timeMs('git', ['diff', 'main', 'big'], dir).ms);
      const result = timeMs(process.execPath, ['--require', RSS_PRELOAD, CLI, 'check', '--base', 'main', '--head', 'big', '--format', 'json'], dir);
      check.push(result.ms);
      peakKb = Math.max(peakKb, Number(/TOLLGATE_BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0));
    }
    const oneFile: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < 9; run += 1) {
      oneFile.push(timeMs(process.execPath, [CLI, 'check', '--base', 'main', '--head', 'small'], dir).ms);
      bare.push(timeMs(process.execPath, ['-e', '0'], dir).ms);
    }
    const gitDiffMs = median(gitDiff);
    const checkMs = median(check);
    return { gitDiffMs, checkMs, ratio: checkMs / gitDiffMs, peakRssMb: peakKb / 1024, oneFileMs: median(oneFile), nodeBareMs: median(bare) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
