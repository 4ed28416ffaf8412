import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(resolve('src/cli/fail-if-unfinished.ts')).href;

/** Runs `body` in a new Node process after `failIfUnfinished(command)`, as the CLI's entry does. */
function runWith(command: string, body = ''): { status: number | null; stderr: string } {
  const script = `import { failIfUnfinished } from ${JSON.stringify(MODULE)};\nconst command = ${command};\nfailIfUnfinished(command);\n${body}`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('failIfUnfinished', () => {
  it('turns an exit with the command still pending into exit 2, saying so', () => {
    // Nothing will ever settle this promise, and nothing keeps the process alive: Node exits 0 on its own.
    const { status, stderr } = runWith('new Promise(() => {})');
    expect(status).toBe(2);
    expect(stderr).toContain('internal error: the command stopped before it finished');
  });

  it('leaves the exit code of a command that finished alone', () => {
    expect(runWith('Promise.resolve()', 'process.exitCode = 1;')).toEqual({ status: 1, stderr: '' });
    expect(runWith('new Promise((done) => setTimeout(done, 20))')).toEqual({ status: 0, stderr: '' });
  });

  it('leaves a failed command to the error handling of the entry', () => {
    // A rejection is an end too: the entry reports it with its own exit code.
    const failed = runWith("Promise.reject(new Error('boom'))", 'command.catch(() => { process.exitCode = 3; });');
    expect(failed).toEqual({ status: 3, stderr: '' });
  });
});
