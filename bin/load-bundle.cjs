'use strict';
/**
 * Loads a CommonJS bundle of `dist/` with the V8 code cache the build wrote beside it
 * (`<bundle>.v8cache`), so a start does not parse and compile the bundle again.
 *
 * A cache is used only when it was made from exactly these bytes: V8 itself checks the source's
 * length, not its content, so the cache starts with a copy of the source it was made from, compared
 * byte for byte (a memcmp; hashing would need `node:crypto`, whose loading alone costs more start-up
 * time than the guard's whole decision). A missing, stale or rejected cache costs nothing but the
 * compile it would have saved.
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const LENGTH_BYTES = 4;

/** A cache file: the source's length (UInt32LE), the source itself, then V8's cached data. */
function cacheFile(sourceBytes, cachedData) {
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(sourceBytes.length);
  return Buffer.concat([length, sourceBytes, cachedData]);
}

/** V8's cached data in `<file>.v8cache`, when that cache was made from exactly `sourceBytes`. */
function readCache(file, sourceBytes) {
  let bytes;
  try {
    bytes = readFileSync(`${file}.v8cache`);
  } catch {
    return undefined;
  }
  const start = LENGTH_BYTES + sourceBytes.length;
  if (bytes.length <= start || bytes.readUInt32LE(0) !== sourceBytes.length) return undefined;
  if (!bytes.subarray(LENGTH_BYTES, start).equals(sourceBytes)) return undefined;
  return bytes.subarray(start);
}

/** Compiles `file` as a CommonJS module (with its cache when valid); returns the script and its module. */
function compileBundle(file) {
  const sourceBytes = readFileSync(file);
  const source = sourceBytes.toString('utf8');
  const cachedData = readCache(file, sourceBytes);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file, require.main);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  const run = () => {
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
    module.loaded = true;
    return module.exports;
  };
  return { script, sourceBytes, run };
}

/** `require(file)` for a bundle of `dist/`, through its code cache. */
function loadBundle(file) {
  return compileBundle(file).run();
}

module.exports = { loadBundle, compileBundle, cacheFile };
