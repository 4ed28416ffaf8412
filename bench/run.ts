/**
 * @module `npm run bench`: every benchmark in one run, each against the baseline its target names.
 *
 * Benchmarks are not timed tests: they print figures and whether each target is met, and the
 * README records them. Pick some with `npm run bench -- guard store`.
 */
import { existsSync } from 'node:fs';
import { benchEnv, nodeStartMs } from './bench-env.js';
import { cpus, totalmem } from 'node:os';

interface Bench {
  name: string;
  module: string;
  exportName: string;
  /** Lines for people: the figures and the target verdict. */
  describe(result: Record<string, number>): string[];
}

const fmt = (value: number, digits = 1): string => value.toFixed(digits);
const verdict = (ok: boolean): string => (ok ? 'target met' : 'TARGET MISSED');

const BENCHES: Bench[] = [
  {
    name: 'check',
    module: './check.bench.ts',
    exportName: 'benchCheck',
    describe: (r) => [
      `10,000 files / 300,000 added lines: git diff ${fmt(r.gitDiffMs!, 0)} ms, tollgate check ${fmt(r.checkMs!, 0)} ms, ratio ${fmt(r.ratio!, 2)}× (target ≤ 2×: ${verdict(r.ratio! <= 2)})`,
      `peak memory ${fmt(r.peakRssMb!, 0)} MB (target < 400 MB: ${verdict(r.peakRssMb! < 400)})`,
      `one-file change: ${fmt(r.oneFileMs!, 0)} ms wall, node -e 0 ${fmt(r.nodeBareMs!, 0)} ms (target < 200 ms: ${verdict(r.oneFileMs! < 200)})`,
    ],
  },
  {
    name: 'read-change',
    module: './read-change.bench.ts',
    exportName: 'benchReadChange',
    describe: (r) => [
      `reading the same change in-process: git diff ${fmt(r.gitDiffMs!, 0)} ms, readChange ${fmt(r.readChangeMs!, 0)} ms, ratio ${fmt(r.ratio!, 2)}×, peak ${fmt(r.peakRssMb!, 0)} MB`,
    ],
  },
  {
    name: 'rules',
    module: './rules.bench.ts',
    exportName: 'benchRules',
    describe: (r) => [`rule pack over ${r.files} files / ${r.lines} added lines: ${fmt(r.ms!, 0)} ms`],
  },
  {
    name: 'guard',
    module: './guard.bench.ts',
    exportName: 'benchGuard',
    describe: (r) => [
      `node -e 0 ${fmt(r.nodeBareMs!, 0)} ms; tollgate guard (plain command) ${fmt(r.guardMs!, 0)} ms = ${fmt(r.ratio!, 2)}× (target ≤ 1.5×: ${verdict(r.ratio! <= 1.5)})`,
      `tollgate guard (command needing the bash parser) ${fmt(r.parserGuardMs!, 0)} ms = ${fmt(r.parserRatio!, 2)}×`,
      `100 KB command: ${fmt(r.bigCommandMs!, 0)} ms (target < 100 ms: ${verdict(r.bigCommandMs! < 100)})`,
    ],
  },
  {
    name: 'store',
    module: './store.bench.ts',
    exportName: 'benchStore',
    describe: (r) => [
      `durable audit appends: SQLite ${fmt(r.sqliteAppendPerSec!, 0)}/s, PostgreSQL ${fmt(r.postgresAppendPerSec!, 0)}/s`,
      `audit verify over 1,000,000 events: SQLite ${fmt(r.sqliteVerifyPerSec! / 1000, 0)}k/s = ${fmt(100 * r.sqliteVerifyRatio!, 0)}% of one-shot sha256 of the same bytes, ${fmt(100 * r.sqliteVerifyStreamRatio!, 0)}% of createHash (target ≥ 30%: ${verdict(r.sqliteVerifyRatio! >= 0.3)})`,
      `                                    PostgreSQL ${fmt(r.postgresVerifyPerSec! / 1000, 0)}k/s = ${fmt(100 * r.postgresVerifyRatio!, 0)}% of one-shot sha256, ${fmt(100 * r.postgresVerifyStreamRatio!, 0)}% of createHash`,
      `verify of a 500-commit range: SQLite ${fmt(r.sqliteVerifyDeployMs!, 0)} ms, PostgreSQL ${fmt(r.postgresVerifyDeployMs!, 0)} ms (target < 1 s: ${verdict(Math.max(r.sqliteVerifyDeployMs!, r.postgresVerifyDeployMs!) < 1000)})`,
    ],
  },
  {
    name: 'server',
    module: './server.bench.ts',
    exportName: 'benchServer',
    describe: (r) => [
      `autocannon, ${r.connections} connections × ${r.seconds} s each; bare node:http ${fmt(r.bareRps!, 0)} req/s (p99 ${fmt(r.bareP99Ms!, 0)} ms)`,
      `POST /api/verify: SQLite ${fmt(r.sqliteVerifyRps!, 0)} req/s (p99 ${fmt(r.sqliteVerifyP99Ms!, 0)} ms) = ${fmt(100 * r.sqliteVerifyRatio!, 1)}% of bare (target ≥ 25%: ${verdict(r.sqliteVerifyRatio! >= 0.25)}); PostgreSQL ${fmt(r.postgresVerifyRps!, 0)} req/s (p99 ${fmt(r.postgresVerifyP99Ms!, 0)} ms) = ${fmt(100 * r.postgresVerifyRatio!, 1)}%`,
      `a bare exchange takes ${fmt(1e6 / r.bareRps!, 0)} µs and one Ed25519 signature ${fmt(r.signUs!, 0)} µs: a verify that signs its attestation can reach at most ${fmt(100 * r.signedCeilingRatio!, 0)}% of bare`,
      `GET change page: SQLite ${fmt(r.sqlitePageRps!, 0)} req/s (p99 ${fmt(r.sqlitePageP99Ms!, 0)} ms); PostgreSQL ${fmt(r.postgresPageRps!, 0)} req/s (p99 ${fmt(r.postgresPageP99Ms!, 0)} ms)`,
      `errors ${r.errors}; audit chain verified afterwards: ${r.chainVerified === 1 ? 'yes' : 'NO'} (${r.auditEvents} events)`,
    ],
  },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`tollgate bench · node ${process.version} · ${cpus().length} cores · ${fmt(totalmem() / 2 ** 30, 0)} GiB\n`);
  if (process.env.NODE_EXTRA_CA_CERTS) {
    console.log(`NODE_EXTRA_CA_CERTS is set here: every Node process reads that CA file before running any code (node -e 0: ${fmt(nodeStartMs(process.env), 0)} ms with it, ${fmt(nodeStartMs(benchEnv()), 0)} ms without). Processes below are timed without it.\n`);
  }
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    const path = new URL(bench.module, import.meta.url);
    if (!existsSync(path)) continue;
    process.stdout.write(`── ${bench.name}\n`);
    const module = (await import(path.href)) as Record<string, () => Promise<Record<string, number>>>;
    const result = await module[bench.exportName]!();
    for (const line of bench.describe(result)) console.log(`  ${line}`);
    console.log();
  }
}

await main();
