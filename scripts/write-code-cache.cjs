'use strict';
// Writes `<bundle>.v8cache` for bin/load-bundle.cjs: `node scripts/write-code-cache.cjs BUNDLE [--run]`.
// With --run the bundle's top level runs first, and then its `warmUp()` export if it has one, so
// the functions a run calls are compiled and cached too; only for bundles whose top level has no
// effects (command modules, not entries).
const { writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { cacheFile, compileBundle } = require('../bin/load-bundle.cjs');

async function main() {
  const [file, mode] = process.argv.slice(2);
  const path = resolve(file);
  const { script, sourceBytes, run } = compileBundle(path);
  if (mode === '--run') {
    const exports = run();
    if (typeof exports.warmUp === 'function') await exports.warmUp();
  }
  writeFileSync(`${path}.v8cache`, cacheFile(sourceBytes, script.createCachedData()));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
