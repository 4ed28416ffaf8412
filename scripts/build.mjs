// Bundles the CLI into CommonJS files so that one process start loads little: `dist/tollgate.cjs`
// holds only the argument parser and the command list, and each command is its own bundle in
// `dist/commands/`, loaded when that command runs. `tollgate guard`, called before every agent
// action, has its own lean bundle that bin/tollgate.cjs loads directly.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const commandFiles = readdirSync('src/cli/commands').filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts');

const entries = [
  { in: 'src/cli/main.ts', out: 'tollgate' },
  ...commandFiles.map((file) => ({ in: `src/cli/commands/${file}`, out: `commands/${file.replace(/\.ts$/, '')}` })),
  { in: 'src/guard/entry.ts', out: 'guard' },
  // The store for `tollgate guard log|approve`, loaded at run time so hook calls never parse it.
  { in: 'src/guard/log/guard-store-entry.ts', out: 'guard-store' },
  // The thread that runs the rules' quick hunk tests of a large change during \`check\`.
  { in: 'src/app/hunk-precheck-worker.ts', out: 'hunk-precheck-worker' },
].filter((entry) => existsSync(entry.in));

/**
 * In the main bundle, `import('./check.js')` from the command list loads `dist/commands/check.cjs`
 * through bin/load-bundle.cjs (with its code cache).
 */
const lazyCommands = {
  name: 'lazy-commands',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) =>
      args.importer.endsWith('src/cli/commands/index.ts') ? { path: args.path.slice(2, -3), namespace: 'lazy-command' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-command' }, (args) => ({
      contents: `module.exports = require('./bin/load-bundle.cjs').loadBundle(require('node:path').join(__dirname, 'commands', ${JSON.stringify(`${args.path}.cjs`)}));`,
      resolveDir: resolve('.'),
      loader: 'js',
    }));
  },
};

const options = {
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify: true, // less to parse at every start; stack traces map back through the source map
  logLevel: 'warning',
  // Native addons and WebAssembly packages locate their files relative to their own folder.
  // The LLM SDKs are large and only needed when a review actually calls a provider.
  external: ['openai', '@anthropic-ai/sdk', 'better-sqlite3', 'pg', 'pg-native', 'libpg-query', 'web-tree-sitter', 'tree-sitter-bash', '@cdktf/hcl2json', 'playwright-core'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyCommands],
  // `import()` of a CommonJS bundle makes Node scan its source for exports; `require` does not.
  supported: { 'dynamic-import': false },
};

// Each entry on its own, so one broken entry does not hide whether the others build.
const results = await Promise.allSettled(entries.map((entry) => build({ ...options, entryPoints: [entry] })));
const failed = results.filter((result) => result.status === 'rejected');
if (failed.length > 0) process.exit(1);

// V8 code caches, made by a plain `node` like the one that will load them. A command module's top
// level only defines things, so it runs first and the functions it calls are cached too; the
// entries (the CLI, the guard) would act if run, so theirs are compiled only.
const run = promisify(execFile);
const caches = entries.map((entry) => ({ file: `dist/${entry.out}.cjs`, mode: entry.out.startsWith('commands/') || entry.out === 'guard-store' ? ['--run'] : [] }));
for (let index = 0; index < caches.length; index += 2) {
  await Promise.all(
    caches.slice(index, index + 2).map(({ file, mode }) =>
      // A missing cache only costs start-up time: say so, and keep the build.
      run(process.execPath, ['scripts/write-code-cache.cjs', file, ...mode]).catch((error) => {
        const reason = String(error.stderr || error.message).trim().split('\n').slice(-1)[0];
        console.warn(`warning: no code cache for ${file} (it will start slower): ${reason}`);
      }),
    ),
  );
}
