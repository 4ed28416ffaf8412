/** Builds the CLI bundles once so tests can run `bin/tollgate.cjs` as a real process. */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (result.status !== 0) {
    // Unit tests can still run; every test that starts the CLI fails with the bundle missing.
    process.stderr.write(`\n[global-setup] building the CLI bundle failed:\n${result.stderr}\n`);
  }
}
