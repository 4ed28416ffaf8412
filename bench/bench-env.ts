/**
 * @module The environment benchmarked processes run in.
 *
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse a CA bundle before any code runs
 * (about 90 ms on the project machine, `node -e 0` included). It says nothing about Tollgate, so
 * processes are timed without it; `bench/run.ts` prints what it costs when it is set.
 */
import { spawnSync } from 'node:child_process';

export function benchEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Median wall time of `node -e 0` in `env`, over `runs` runs. */
export function nodeStartMs(env: NodeJS.ProcessEnv, runs = 9): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
