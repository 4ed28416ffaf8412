/**
 * @module Reviewer behind any executable: the request as JSON on stdin, the answer JSON on stdout.
 *
 * Lets a team plug in its own agent or a CLI such as `claude -p`. The process is started without
 * a shell, in its own process group, and the whole group is killed when the deadline passes.
 * Output in the `claude -p --output-format json` envelope (`{"type":"result","result":…}`) is
 * unwrapped, with its token usage.
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { ProviderFailure, type ProviderRequest, type ProviderResponse, type ReviewProvider } from './review-provider.js';

export interface CommandProviderOptions {
  /** argv: the executable and its arguments. */
  command: readonly string[];
  /** A label for the cache key and the audit log; defaults to the executable's name. */
  model?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Larger answers are refused: a review answer is a few kilobytes. */
const MAX_STDOUT = 4 * 1024 * 1024;
const KILL_GRACE_MS = 2000;

/** What the command reads on stdin (versioned, documented in docs/review.md). */
export function commandStdin(request: ProviderRequest): string {
  return JSON.stringify({
    schema: 'tollgate.review-request/v1',
    promptVersion: request.promptVersion,
    changeDigest: request.changeDigest,
    instructions: request.system,
    messages: request.messages,
    outputSchema: request.schema,
    maxOutputTokens: request.maxOutputTokens,
  });
}

interface ClaudeEnvelope {
  type: 'result';
  is_error?: boolean;
  result?: unknown;
  structured_output?: unknown;
  usage?: { input_tokens?: number; output_tokens?: number };
}

function isEnvelope(value: unknown): value is ClaudeEnvelope {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'result' && !('findings' in value);
}

/** Unwraps a `claude -p --output-format json` envelope; other output is returned as it is. */
export function unwrapCommandOutput(stdout: string): { text: string; inputTokens: number; outputTokens: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { text: stdout, inputTokens: 0, outputTokens: 0 };
  }
  if (!isEnvelope(parsed)) return { text: stdout, inputTokens: 0, outputTokens: 0 };
  if (parsed.is_error) throw new ProviderFailure('server', `command: the agent reported an error: ${String(parsed.result ?? '').slice(0, 200)}`);
  const answer = parsed.structured_output ?? parsed.result;
  return {
    text: typeof answer === 'string' ? answer : JSON.stringify(answer ?? null),
    inputTokens: parsed.usage?.input_tokens ?? 0,
    outputTokens: parsed.usage?.output_tokens ?? 0,
  };
}

/** Creates the `command` provider. */
export function createCommandProvider(options: CommandProviderOptions): ReviewProvider {
  const [executable, ...args] = options.command;
  if (!executable) throw new Error('command provider needs a non-empty argv');
  const model = options.model ?? basename(executable);
  return {
    name: 'command',
    model,
    complete(request: ProviderRequest, signal: AbortSignal): Promise<ProviderResponse> {
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new ProviderFailure('aborted', 'command: aborted at the deadline'));
        const child = spawn(executable, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
        const stdout: Buffer[] = [];
        let stdoutBytes = 0;
        let stderr = '';
        let failure: ProviderFailure | undefined;
        let killTimer: NodeJS.Timeout | undefined;
        const killGroup = (sig: NodeJS.Signals): void => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, sig);
          } catch {
            // Already gone.
          }
        };
        const groupAlive = (): boolean => {
          try {
            return child.pid !== undefined && process.kill(-child.pid, 0);
          } catch {
            return false;
          }
        };
        const stop = (why: ProviderFailure): void => {
          failure ??= why;
          killGroup('SIGTERM');
          killTimer ??= setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
        };
        const onAbort = (): void => {
          stop(new ProviderFailure('aborted', 'command: killed at the deadline'));
          // Answer at the deadline; the kill timer keeps the process alive until the group is gone.
          reject(failure);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (chunk: Buffer) => {
          stdoutBytes += chunk.length;
          if (stdoutBytes > MAX_STDOUT) return stop(new ProviderFailure('invalid-output', `command: more than ${MAX_STDOUT} bytes on stdout`));
          stdout.push(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderr.length < 4000) stderr += chunk.toString('utf8');
        });
        // A command that exits without reading stdin closes the pipe; its exit status tells the story.
        child.stdin.on('error', () => undefined);
        child.on('error', (error: NodeJS.ErrnoException) => {
          failure ??=
            error.code === 'ENOENT'
              ? new ProviderFailure('refused', `command: \`${executable}\` not found`)
              : new ProviderFailure('network', `command: could not start \`${executable}\`: ${error.message}`);
          // 'close' does not always follow a failed start; settling twice is harmless.
          signal.removeEventListener('abort', onAbort);
          reject(failure);
        });
        child.on('close', (code, sig) => {
          signal.removeEventListener('abort', onAbort);
          // Keep the SIGKILL pending while anything of the process group is still alive.
          if (killTimer && !groupAlive()) clearTimeout(killTimer);
          if (failure) return reject(failure);
          if (code !== 0) {
            const detail = stderr.trim().split('\n')[0]?.slice(0, 300) ?? '';
            return reject(new ProviderFailure('server', `command: \`${executable}\` exited with ${code ?? sig}${detail ? `: ${detail}` : ''}`));
          }
          try {
            const out = unwrapCommandOutput(Buffer.concat(stdout).toString('utf8'));
            resolve({ text: out.text, model, usage: { inputTokens: out.inputTokens, outputTokens: out.outputTokens } });
          } catch (error) {
            reject(error);
          }
        });
        child.stdin.end(commandStdin(request));
      });
    },
  };
}
