/**
 * @module Benchmark of `tollgate guard` as agents run it: a new process per hook call, a Claude Code
 * payload on stdin, against a bare `node -e 0` on the same machine (runs interleaved, medians).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchEnv } from './bench-env.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/tollgate.cjs');

function payload(command: string, cwd: string): string {
  return JSON.stringify({ session_id: 'bench', transcript_path: '/tmp/t.jsonl', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
}

function timeMs(args: string[], input: string | undefined, cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, input, env: benchEnv(), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Median wall time of a guard call (a plain command, read by the fast lexer) and of one that needs
 * the WebAssembly bash parser, each against `node -e 0`; and of a 100 KB command (a heredoc that
 * writes a file, the common large command).
 */
export async function benchGuard(runs = 25): Promise<{ nodeBareMs: number; guardMs: number; ratio: number; bigCommandMs: number; parserGuardMs: number; parserRatio: number }> {
  const repo = mkdtempSync(join(tmpdir(), 'tollgate-bench-guard-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, stdio: 'ignore' });
    const plain = payload('git status && npm test 2>&1 | tail -20', repo);
    const parsed = payload('for f in src/*.ts; do grep -n "TODO" "$f"; done', repo);
    const big = payload(`cat > src/generated.ts <<'EOF'\n${'export const value = "generated";\n'.repeat(2900)}EOF`, repo);
    const guard = [CLI, 'guard', '--agent', 'claude-code'];
    // Warm the file cache and the guard's own files before measuring.
    for (let i = 0; i < 3; i++) {
      timeMs(['-e', '0'], undefined, repo);
      timeMs(guard, plain, repo);
      timeMs(guard, parsed, repo);
    }
    const bare: number[] = [];
    const fast: number[] = [];
    const full: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(timeMs(['-e', '0'], undefined, repo));
      fast.push(timeMs(guard, plain, repo));
      full.push(timeMs(guard, parsed, repo));
      if (i % 2 === 0) large.push(timeMs(guard, big, repo));
    }
    const nodeBareMs = median(bare);
    const guardMs = median(fast);
    const parserGuardMs = median(full);
    return { nodeBareMs, guardMs, ratio: guardMs / nodeBareMs, bigCommandMs: median(large), parserGuardMs, parserRatio: parserGuardMs / nodeBareMs };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
