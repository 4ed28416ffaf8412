/**
 * @module Every agent protocol, round-tripped through the built `tollgate guard` process: the agent's
 * documented payload in (test/fixtures/guard), its own answer out, and a fail-closed answer for
 * input the guard cannot read.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'bin/tollgate.cjs');
const FIXTURES = join(ROOT, 'test/fixtures/guard');

let repo: string;
let home: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tollgate-guard-protocols-'));
  home = mkdtempSync(join(tmpdir(), 'tollgate-guard-home-'));
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  mkdirSync(join(repo, 'src'));
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

function guard(input: string | Buffer, args: string[] = []): Run {
  const result = spawnSync(process.execPath, [CLI, 'guard', ...args], {
    input,
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', HOME: home },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** A fixture with the repository path, the command and the file path replaced. */
function fixture(file: string, replace: { command?: string; path?: string } = {}): string {
  let text = readFileSync(join(FIXTURES, file), 'utf8').replaceAll('/Users/dev/repo', repo);
  const payload = JSON.parse(text) as Record<string, unknown>;
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (replace.command !== undefined && value === 'npm test') return replace.command;
      if (replace.path !== undefined && value.endsWith('src/app.ts')) return value.replace('src/app.ts', replace.path);
      if (value.startsWith('{') || value.startsWith('*** Begin Patch')) {
        if (value.startsWith('*** Begin Patch') && replace.path) return value.replace('src/app.ts', replace.path);
        try {
          return JSON.stringify(swap(JSON.parse(value)));
        } catch {
          return value;
        }
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item)]));
    return value;
  };
  text = JSON.stringify(swap(payload));
  return text;
}

const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;
const BENIGN = 'npm test';
const UNKNOWN = 'terraform destroy';
const PRODUCTION = 'kubectl --context prod-eu delete ns orders';

describe('Claude Code', () => {
  it('prints nothing for an allow, so its own permission rules still apply', () => {
    expect(guard(fixture('claude-code/bash.json', { command: BENIGN }), ['--agent', 'claude-code'])).toMatchObject({ stdout: '', status: 0 });
  });
  it.each([
    [UNKNOWN, 'ask'],
    [PRODUCTION, 'deny'],
  ])('answers `%s` with %s in hookSpecificOutput and exit 0', (command, decision) => {
    const run = guard(fixture('claude-code/bash.json', { command }));
    expect(run.status).toBe(0);
    const output = json(run.stdout).hookSpecificOutput as Record<string, unknown>;
    expect(output).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: decision });
    expect(String(output.permissionDecisionReason)).toMatch(decision === 'deny' ? /prod-eu/ : /environment/);
  });
  it('asks before a write to the catalog', () => {
    const run = guard(fixture('claude-code/write.json', { path: 'tollgate.yaml' }));
    expect((json(run.stdout).hookSpecificOutput as Record<string, unknown>).permissionDecision).toBe('ask');
  });
  it('asks before an MCP tool drops a table', () => {
    const payload = fixture('claude-code/mcp.json').replace('SELECT 1', 'DROP TABLE users');
    expect((json(guard(payload).stdout).hookSpecificOutput as Record<string, unknown>).permissionDecision).toBe('ask');
  });
});

describe('Codex', () => {
  it('prints nothing for an allow (Codex rejects an explicit allow)', () => {
    expect(guard(fixture('codex/bash.json', { command: BENIGN }))).toMatchObject({ stdout: '', status: 0 });
  });
  it.each([UNKNOWN, PRODUCTION])('answers `%s` with a deny only, since Codex cannot ask', (command) => {
    const run = guard(fixture('codex/bash.json', { command }), ['--agent', 'codex']);
    expect(run.status).toBe(0);
    expect(json(run.stdout)).toEqual({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: expect.stringMatching(/\S/) } });
  });
  it('reads the files an apply_patch touches', () => {
    const run = guard(fixture('codex/apply-patch.json', { path: '.github/workflows/ci.yml' }));
    expect((json(run.stdout).hookSpecificOutput as Record<string, unknown>).permissionDecisionReason).toMatch(/CI configuration/);
  });
});

describe('Cursor', () => {
  it.each([
    [BENIGN, 'allow'],
    [UNKNOWN, 'ask'],
    [PRODUCTION, 'deny'],
  ])('answers `%s` with permission %s', (command, permission) => {
    const run = guard(fixture('cursor/before-shell-execution.json', { command }));
    expect(run.status).toBe(0);
    const body = json(run.stdout);
    expect(body.permission).toBe(permission);
    if (permission !== 'allow') expect(body.user_message).toBe(body.agent_message);
  });
  it('reads an MCP call whose tool_input is a JSON string', () => {
    const payload = fixture('cursor/before-mcp-execution.json').replace('SELECT * FROM users', 'DROP TABLE users');
    expect(json(guard(payload, ['--agent', 'cursor']).stdout).permission).toBe('ask');
  });
});

describe('Gemini CLI', () => {
  it.each([
    [BENIGN, 'allow'],
    [UNKNOWN, 'deny'],
    [PRODUCTION, 'deny'],
  ])('answers `%s` with decision %s (an ask becomes a deny with the reason)', (command, decision) => {
    const run = guard(fixture('gemini/run-shell-command.json', { command }));
    expect(run.status).toBe(0);
    expect(json(run.stdout).decision).toBe(decision);
    if (command === UNKNOWN) expect(String(json(run.stdout).reason)).toMatch(/cannot ask a person/);
  });
  it('denies writing the guard state', () => {
    expect(json(guard(fixture('gemini/write-file.json', { path: '.tollgate/guard-grants/x.json' })).stdout).decision).toBe('deny');
  });
});

describe.each([
  ['amazon-q', 'amazon-q/execute-bash.json'],
  ['kiro', 'kiro/shell.json'],
])('%s', (agent, file) => {
  it('lets a benign command run with exit 0 and no output', () => {
    expect(guard(fixture(file, { command: BENIGN }), ['--agent', agent])).toMatchObject({ stdout: '', stderr: '', status: 0 });
  });
  it.each([UNKNOWN, PRODUCTION])('blocks `%s` with exit 2 and the reason on stderr', (command) => {
    const run = guard(fixture(file, { command }), ['--agent', agent]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Needs a person|Denied/);
  });
});

describe('Amazon Q use_aws', () => {
  it('blocks a delete against a production profile', () => {
    const payload = fixture('amazon-q/use-aws.json').replace('"describe-table"', '"delete-table"').replace('"default"', '"prod"');
    expect(guard(payload).status).toBe(2);
  });
});

describe('GitHub Copilot', () => {
  it('prints nothing for an allow', () => {
    expect(guard(fixture('copilot/bash.json', { command: BENIGN }))).toMatchObject({ stdout: '', status: 0 });
  });
  it.each([
    [UNKNOWN, 'ask'],
    [PRODUCTION, 'deny'],
  ])('answers `%s` (toolArgs is a JSON string) with %s', (command, decision) => {
    const run = guard(fixture('copilot/bash.json', { command }), ['--agent', 'copilot']);
    expect(run.status).toBe(0);
    expect(json(run.stdout)).toEqual({ permissionDecision: decision, permissionDecisionReason: expect.stringMatching(/\S/) });
  });
  it('asks before creating the catalog', () => {
    expect(json(guard(fixture('copilot/create.json', { path: 'tollgate.yaml' })).stdout).permissionDecision).toBe('ask');
  });
});

describe('Cline', () => {
  it.each([
    [BENIGN, false],
    [UNKNOWN, true],
    [PRODUCTION, true],
  ])('answers `%s` with cancel %s', (command, cancel) => {
    const run = guard(fixture('cline/execute-command.json', { command }));
    expect(run.status).toBe(0);
    const body = json(run.stdout);
    expect(body.cancel).toBe(cancel);
    if (cancel) expect(String(body.errorMessage)).toMatch(/\S/);
  });
  it('cancels a write to a CI workflow', () => {
    expect(json(guard(fixture('cline/write-to-file.json', { path: '.github/workflows/ci.yml' }), ['--agent', 'cline']).stdout).cancel).toBe(true);
  });
});

describe('generic', () => {
  it.each([
    [BENIGN, 'allow', 0],
    [UNKNOWN, 'ask', 1],
    [PRODUCTION, 'deny', 1],
  ])('answers `%s` with the v1 JSON, %s, exit %i', (command, decision, status) => {
    const run = guard(fixture('generic/command.json', { command }));
    expect(run.status).toBe(status);
    expect(json(run.stdout)).toMatchObject({ schema: 'tollgate.guard/v1', decision });
  });
});

const TEN_MB = `{"command":"${'x'.repeat(10 * 1024 * 1024)}"}`;
const BAD_INPUTS: Array<[string, string | Buffer, RegExp]> = [
  ['empty stdin', '', /empty/],
  ['non-JSON', 'rm -rf /', /not JSON/],
  ['a JSON array', '[1,2]', /not a JSON object/],
  ['an unknown shape', '{"hook_event_name":"PreToolUse"}', /payload has|shape/],
  ['a 10 MB payload', TEN_MB, /larger than/],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /UTF-8/],
];

describe.each([
  ['claude-code', (run: Run) => expect(run).toMatchObject({ status: 2, stdout: '' })],
  ['codex', (run: Run) => expect(run).toMatchObject({ status: 2, stdout: '' })],
  ['cursor', (run: Run) => (expect(run.status).toBe(2), expect(json(run.stdout).permission).toBe('deny'))],
  ['gemini', (run: Run) => expect(run).toMatchObject({ status: 2, stdout: '' })],
  ['amazon-q', (run: Run) => expect(run).toMatchObject({ status: 2, stdout: '' })],
  // Copilot runs the tool when a hook exits non-zero, so the refusal is a deny with exit 0.
  ['copilot', (run: Run) => (expect(run.status).toBe(0), expect(json(run.stdout).permissionDecision).toBe('deny'))],
  ['cline', (run: Run) => (expect(run.status).toBe(2), expect(json(run.stdout).cancel).toBe(true))],
  ['generic', (run: Run) => (expect(run.status).toBe(2), expect(json(run.stdout).decision).toBe('deny'))],
])('bad input to %s fails closed', (agent, check) => {
  it.each(BAD_INPUTS)('%s', (_, input, message) => {
    const run = guard(input, ['--agent', agent]);
    check(run);
    expect(run.stderr + run.stdout).toMatch(message);
  });
});

describe('without --agent', () => {
  it('detects each agent from its payload', () => {
    expect(guard(fixture('claude-code/bash.json', { command: UNKNOWN })).stdout).toContain('hookSpecificOutput');
    expect(guard(fixture('gemini/run-shell-command.json', { command: UNKNOWN })).stdout).toContain('"decision"');
    expect(guard(fixture('cline/execute-command.json', { command: UNKNOWN })).stdout).toContain('"cancel"');
    expect(guard(fixture('copilot/bash.json', { command: UNKNOWN })).stdout).toContain('permissionDecision');
    expect(guard(fixture('amazon-q/execute-bash.json', { command: UNKNOWN })).status).toBe(2);
  });
  it('refuses a payload of an unknown shape with exit 2', () => {
    const run = guard('{"foo":1}');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/shape the guard does not know/);
  });
  it('refuses an unknown agent name', () => {
    expect(guard(fixture('claude-code/bash.json'), ['--agent', 'nope']).status).toBe(2);
  });
});

describe('a payload that never ends', () => {
  it('is refused in the agent protocol when the guard times out', async () => {
    const child = spawn(process.execPath, [CLI, 'guard', '--agent', 'cursor', '--timeout-ms', '400'], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: home } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.write('{"hook_event_name":"beforeShellExecution",');
    const status = await new Promise<number | null>((done) => child.on('exit', done));
    expect(status).toBe(2);
    expect(json(stdout)).toMatchObject({ permission: 'deny' });
    expect(String(json(stdout).user_message)).toMatch(/did not decide within 400 ms/);
  });
});
