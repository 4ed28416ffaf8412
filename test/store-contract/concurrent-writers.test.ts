import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresHarness, requirePostgres, sqliteHarness, type HarnessFactory, type StoreHarness } from './store-harness.js';

const WRITER = fileURLToPath(new URL('./audit-writer.ts', import.meta.url));
const postgresUp = await requirePostgres();

interface Writer {
  child: ChildProcess;
  tag: string;
  acked: number[];
  ready: Promise<void>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function startWriter(target: StoreHarness['target'], tag: string, count: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify({ target, count, tag })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: number[] = [];
  let buffer = '';
  let errors = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      else if (line) acked.push(Number(line));
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, tag, acked, ready, exited, stderr: () => errors };
}

const adapters: { name: string; factory: HarnessFactory; enabled: boolean }[] = [
  { name: 'sqlite', factory: sqliteHarness, enabled: true },
  { name: 'postgres', factory: postgresHarness, enabled: postgresUp },
];

for (const adapter of adapters) {
  describe.runIf(adapter.enabled)(`audit appends from several OS processes: ${adapter.name}`, () => {
    let harness: StoreHarness | undefined;
    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    });

    it('4 processes × 500 events make one unforked chain of 2000', { timeout: 180_000 }, async () => {
      harness = await adapter.factory();
      const writers = ['w1', 'w2', 'w3', 'w4'].map((tag) => startWriter(harness!.target, tag, 500));
      const codes = await Promise.all(writers.map((writer) => writer.exited));
      expect(codes, writers.map((writer) => writer.stderr()).join('\n')).toEqual([0, 0, 0, 0]);
      expect(await harness.store.audit.verify()).toMatchObject({ ok: true, count: 2000 });
      const allSeqs = writers.flatMap((writer) => writer.acked).sort((a, b) => a - b);
      expect(allSeqs).toEqual(Array.from({ length: 2000 }, (_, index) => index + 1));
      for (const writer of writers) {
        const events = await harness.store.audit.list({ actor: writer.tag, limit: 1000 });
        expect(events.map((event) => event.seq)).toEqual([...writer.acked].sort((a, b) => a - b));
        expect(events.map((event) => event.payload.index)).toEqual(Array.from({ length: 500 }, (_, index) => index));
      }
    });

    it('SIGKILL mid-stream loses no acknowledged event and leaves a verifiable chain', { timeout: 120_000 }, async () => {
      harness = await adapter.factory();
      const writers = ['k1', 'k2', 'k3', 'k4'].map((tag) => startWriter(harness!.target, tag, 1_000_000));
      await Promise.all(writers.map((writer) => writer.ready));
      // Let them race for a while, then kill each at a different moment, mid-write.
      for (const [index, writer] of writers.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 300 + index * 150));
        writer.child.kill('SIGKILL');
      }
      await Promise.all(writers.map((writer) => writer.exited));
      const acked = writers.reduce((sum, writer) => sum + writer.acked.length, 0);
      expect(acked).toBeGreaterThan(0);
      const result = await harness.store.audit.verify();
      expect(result.ok).toBe(true);
      for (const writer of writers) {
        const stored = new Set((await harness.store.audit.list({ actor: writer.tag, limit: 1_000_000 })).map((event) => event.seq));
        for (const seq of writer.acked) expect(stored.has(seq), `acknowledged seq ${seq} of ${writer.tag}`).toBe(true);
      }
      // The store still takes writes after the crash.
      const next = await harness.store.audit.append({ type: 'test.after-crash', actor: 'test', subject: '', payload: {} });
      expect(next.seq).toBe((result.ok ? result.count : 0) + 1);
    });
  });
}
