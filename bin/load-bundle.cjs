'use strict';
/**
 * Loads a CommonJS bundle of `dist/` with the V8 code cache the build wrote beside it
 * (`<bundle>.v8cache`), so a start does not parse and compile the bundle again.
 *
 * A cache is used only when it was made from exactly these bytes: V8 itself checks the source's
 * length, not its content, so the cache starts with the sha256 of the source it was made from.
 * A missing, stale or rejected cache costs nothing but the compile it would have saved.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const HASH_BYTES = 32;

/** The sha256 a cache file must start with to belong to `source`. */
function sourceHash(source) {
  return createHash('sha256').update(source).digest();
}

function readCache(file, source) {
  let bytes;
  try {
    bytes = readFileSync(`${file}.v8cache`);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(sourceHash(source))) return undefined;
  return bytes.subarray(HASH_BYTES);
}

/** Compiles `file` as a CommonJS module (with its cache when valid); returns the script and its module. */
function compileBundle(file) {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(file, source);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file, require.main);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  const run = () => {
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
    module.loaded = true;
    return module.exports;
  };
  return { script, source, run };
}

/** `require(file)` for a bundle of `dist/`, through its code cache. */
function loadBundle(file) {
  return compileBundle(file).run();
}

module.exports = { loadBundle, compileBundle, sourceHash };
