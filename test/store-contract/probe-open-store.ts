/**
 * Opens a store in a fresh process and reports which database drivers got loaded.
 * Usage: node --import tsx probe-open-store.ts '<json OpenStoreOptions>'
 */
import { createRequire } from 'node:module';
import { openStore, type OpenStoreOptions } from '../../src/store/open-store.js';

const options = JSON.parse(process.argv[2] ?? '{}') as OpenStoreOptions;
const store = await openStore({ ...options, signer: null });
const kind = store.kind;
await store.close();
const loaded = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify({ kind, pg: loaded.some((path) => path.includes('/node_modules/pg/')), betterSqlite3: loaded.some((path) => path.includes('/node_modules/better-sqlite3/')) }));
