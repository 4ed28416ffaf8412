import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const { loadBundle } = createRequire(import.meta.url)(join(ROOT, 'bin/load-bundle.cjs')) as { loadBundle(file: string): unknown };
const dir = mkdtempSync(join(tmpdir(), 'tollgate-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundles start from the V8 code cache the build writes', () => {
  it('writes a cache for the check bundle that starts with the bundle it was made from, and V8 accepts it', () => {
    const bundle = join(ROOT, 'dist/commands/check.cjs');
    const cache = readFileSync(`${bundle}.v8cache`);
    const source = readFileSync(bundle);
    expect(cache.readUInt32LE(0)).toBe(source.length);
    expect(cache.subarray(4, 4 + source.length).equals(source)).toBe(true);
    // A plain node, as `tollgate` runs: the cache must be accepted, not rejected.
    const probe = `const { compileBundle } = require(${JSON.stringify(join(ROOT, 'bin/load-bundle.cjs'))}); process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}).script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })).toBe('false');
  });

  it('ignores a cache made from other content of the same length, and runs the bundle as it is now', () => {
    const bundle = join(dir, 'answer.cjs');
    writeFileSync(bundle, 'module.exports = 1;\n');
    execFileSync(process.execPath, [join(ROOT, 'scripts/write-code-cache.cjs'), bundle, '--run']);
    writeFileSync(bundle, 'module.exports = 2;\n');
    expect(loadBundle(bundle)).toBe(2);
  });
});
