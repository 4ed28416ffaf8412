// Bundles the CLI into single CommonJS files: one process start loads one file, which keeps
// `tollgate` (and above all `tollgate guard`, called before every agent action) quick to start.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli/main.ts', out: 'tollgate' },
  { in: 'src/guard/entry.ts', out: 'guard' },
].filter((entry) => existsSync(entry.in));

const options = {
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native addons and WebAssembly packages locate their files relative to their own folder.
  external: ['better-sqlite3', 'pg', 'pg-native', 'libpg-query', 'web-tree-sitter', 'tree-sitter-bash', '@cdktf/hcl2json', 'playwright-core'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// Each entry on its own, so one broken entry does not hide whether the others build.
const results = await Promise.allSettled(entries.map((entry) => build({ ...options, entryPoints: [entry] })));
const failed = results.filter((result) => result.status === 'rejected');
if (failed.length > 0) process.exit(1);
