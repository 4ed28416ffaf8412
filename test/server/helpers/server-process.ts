/**
 * @module Starts `tollgate serve` as a real child process on a free port, against SQLite in a temp
 * folder or a throwaway PostgreSQL schema, and runs `tollgate token create` against the same store.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initKeys } from '../../../src/attest/read-keys.js';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './postgres-schema.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = join(ROOT, 'test/server/helpers/cli-entry.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export type StoreKind = 'sqlite' | 'postgres';

/** Where a test server keeps its data; shared by the servers and token commands of one test file. */
export interface TestStore {
  kind: StoreKind;
  /** The folder the processes run in (a fresh temp folder; SQLite data lives in `<dir>/data`). */
  dir: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createTestStore(kind: StoreKind, name: string): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), `tollgate-server-${name}-`));
  let schema: TestSchema | undefined;
  await initKeys(join(dir, 'keys'));
  const env: Record<string, string> = { TOLLGATE_SIGNING_KEY: join(dir, 'keys', 'attestation.key') };
  if (kind === 'postgres') {
    schema = await createTestSchema(name);
    env.TOLLGATE_DATABASE_URL = TEST_DATABASE_URL;
    env.TOLLGATE_DATABASE_SCHEMA = schema.name;
  } else {
    env.TOLLGATE_DATA_DIR = join(dir, 'data');
  }
  return {
    kind,
    dir,
    env,
    cleanup: async () => {
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a catalog file into the store's folder and returns its path. */
export function writeCatalog(store: TestStore, yaml: string, name = 'tollgate.yaml'): string {
  const path = join(store.dir, name);
  writeFileSync(path, yaml);
  return path;
}

export interface RunningTestServer {
  url: string;
  process: ChildProcess;
  /** Everything the process wrote to stdout (JSON logs) and stderr, so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Runs `tollgate serve --port 0 …` and resolves once it prints its URL. */
export async function startTestServer(store: TestStore, args: string[] = [], env: Record<string, string> = {}): Promise<RunningTestServer> {
  const child = spawn(process.execPath, ['--import', TSX, ENTRY, 'serve', '--port', '0', ...args], {
    cwd: store.dir,
    env: { PATH: process.env.PATH, HOME: store.dir, TOLLGATE_LOG_LEVEL: 'info', ...store.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  // `close`, not `exit`: it comes after the pipes are drained, so the logs are complete.
  const exited = new Promise<number | null>((resolvePromise) => child.once('close', (code) => resolvePromise(code)));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${err}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /Tollgate is running at (\S+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${err}`));
    });
  });
  return {
    url,
    process: child,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs `tollgate token create` against the store (local mode) and returns the token text. */
export function createTokenCli(store: TestStore, person: string, role: string, extra: string[] = [], catalogPath?: string): string {
  const result = runCli(store, ['token', 'create', '--as', person, '--role', role, ...(catalogPath ? ['--catalog', catalogPath] : []), ...extra]);
  if (result.status !== 0) throw new Error(`token create failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}

/** Runs the CLI entry with the store's environment. */
export function runCli(store: TestStore, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...args], {
    cwd: store.dir,
    env: { PATH: process.env.PATH, HOME: store.dir, ...store.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
