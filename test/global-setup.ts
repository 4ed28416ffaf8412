/** Builds the CLI bundles once so tests can run `bin/tollgate.cjs` as a real process. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
