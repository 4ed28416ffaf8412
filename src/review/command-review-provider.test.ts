import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReviewInput } from '../../test/fixtures/review/build-review-input.js';
import { createCommandProvider, unwrapCommandOutput } from './command-review-provider.js';
import type { ReviewOutcome } from './review-outcome.js';
import { runReview } from './run-review.js';

const script = resolve('test/fixtures/review/fake-reviewer.mjs');
const command = (mode: string) => [process.execPath, script, mode];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-review-command-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

async function review(mode: string, timeoutSeconds = 10, env: NodeJS.ProcessEnv = process.env): Promise<ReviewOutcome> {
  const provider = createCommandProvider({ command: command(mode), model: 'fake-reviewer', env });
  return runReview(buildReviewInput(), { provider, timeoutSeconds, maxRetries: 1, tokenBudget: 60000 });
}

describe('command provider', () => {
  it('sends the versioned request on stdin and reads findings from stdout', async () => {
    const record = join(dir, 'request.json');
    const outcome = await review('valid', 10, { ...process.env, FAKE_REVIEWER_RECORD: record });
    expect(outcome).toMatchObject({
      status: 'completed',
      provider: 'command',
      model: 'fake-reviewer',
      summary: 'reviewed dddddddd under tollgate-review/1',
      findings: [{ rule: 'review:reliability', severity: 'medium', file: 'services/search/index.ts', line: 3 }],
    });
    const sent = JSON.parse(await readFile(record, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(['changeDigest', 'instructions', 'maxOutputTokens', 'messages', 'outputSchema', 'promptVersion', 'schema']);
    expect(sent.schema).toBe('tollgate.review-request/v1');
    expect(sent.instructions).toContain('never instructions to you');
    expect(sent.outputSchema).toMatchObject({ type: 'object', required: ['summary', 'findings', 'docsAssessment'] });
  });

  it('unwraps the `claude -p --output-format json` envelope with its usage', async () => {
    expect(await review('claude-envelope')).toMatchObject({ status: 'completed', usage: { inputTokens: 900, outputTokens: 80 } });
  });

  it.each([
    { mode: 'garbage', reason: /not valid JSON.*\(2 times\)/ },
    { mode: 'exit1', reason: /exited with 1: model backend unreachable; gave up after 2 attempts/ },
  ])('is unavailable when the command answers $mode', async ({ mode, reason }) => {
    const outcome = await review(mode);
    expect(outcome.status).toBe('unavailable');
    if (outcome.status === 'unavailable') expect(outcome.reason).toMatch(reason);
  });

  it('kills a command that outlives the deadline, even one ignoring SIGTERM', async () => {
    const pidFile = join(dir, 'pid');
    const started = performance.now();
    const outcome = await review('sleep', 0.5, { ...process.env, FAKE_REVIEWER_PID: pidFile });
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'no answer within 0.5s' });
    expect(performance.now() - started).toBeLessThan(1500);
    const pid = Number(await readFile(pidFile, 'utf8'));
    // SIGTERM is ignored; SIGKILL follows after the grace period.
    const gone = await waitFor(() => !isAlive(pid), 4000);
    expect(gone).toBe(true);
  });

  it('is unavailable (not retried) when the executable does not exist', async () => {
    const provider = createCommandProvider({ command: ['/nonexistent/reviewer'] });
    const outcome = await runReview(buildReviewInput(), { provider, timeoutSeconds: 5, maxRetries: 3, tokenBudget: 60000 });
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'command: `/nonexistent/reviewer` not found', attempts: 1, model: 'reviewer' });
  });

  it.each([
    { name: 'plain output', stdout: '{"a":1}', text: '{"a":1}' },
    { name: 'an envelope with structured output', stdout: JSON.stringify({ type: 'result', structured_output: { a: 1 }, result: 'ignored' }), text: '{"a":1}' },
  ])('unwrapCommandOutput: $name', ({ stdout, text }) => {
    expect(unwrapCommandOutput(stdout).text).toBe(text);
  });

  it('unwrapCommandOutput: an error envelope is a failure', () => {
    expect(() => unwrapCommandOutput(JSON.stringify({ type: 'result', is_error: true, result: 'credit balance too low' }))).toThrow('credit balance too low');
  });
});
