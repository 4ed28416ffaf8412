/**
 * @module Installing and removing the guard's hook in each agent's real settings file, in temporary
 * directories: merged beside hooks already there, idempotent, and removed exactly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InstallOptions, runInstall } from './run-install.js';

let project: string;
let home: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'tollgate-install-project-'));
  home = mkdtempSync(join(tmpdir(), 'tollgate-install-home-'));
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const COMMAND = 'tollgate guard';

function install(agent: string, extra: Partial<InstallOptions> = {}) {
  return runInstall({ agent, scope: 'project', projectDir: project, home, config: 'tollgate', command: COMMAND, remove: false, ...extra });
}
function uninstall(agent: string, extra: Partial<InstallOptions> = {}) {
  return install(agent, { ...extra, remove: true });
}
function write(path: string, value: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(path, text);
  return text;
}
const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

interface Case {
  agent: string;
  file: (root: string) => string;
  existing: Record<string, unknown>;
  /** Where the guard's command lands in the merged settings. */
  guardCommands: (settings: Record<string, unknown>) => unknown[];
}

const hooksOf = (settings: Record<string, unknown>) => (settings.hooks ?? {}) as Record<string, unknown[]>;
const grouped = (event: string) => (settings: Record<string, unknown>) =>
  (hooksOf(settings)[event] ?? []).flatMap((group) => ((group as { hooks?: Array<{ command?: string }> }).hooks ?? []).map((hook) => hook.command));
const flat = (event: string, key = 'command') => (settings: Record<string, unknown>) =>
  (hooksOf(settings)[event] ?? []).map((entry) => (entry as Record<string, unknown>)[key]);

const CASES: Case[] = [
  {
    agent: 'claude-code',
    file: (root) => join(root, '.claude', 'settings.json'),
    existing: {
      permissions: { allow: ['Bash(npm test:*)'] },
      hooks: {
        PreToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --check' }] }],
        PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'eslint --fix' }] }],
      },
    },
    guardCommands: grouped('PreToolUse'),
  },
  {
    agent: 'codex',
    file: (root) => join(root, '.codex', 'hooks.json'),
    existing: { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'audit-log' }] }], Stop: [{ hooks: [{ type: 'command', command: 'notify' }] }] } },
    guardCommands: grouped('PreToolUse'),
  },
  {
    agent: 'gemini',
    file: (root) => join(root, '.gemini', 'settings.json'),
    existing: { theme: 'GitHub', hooks: { BeforeTool: [{ matcher: 'write_file', hooks: [{ name: 'secrets', type: 'command', command: 'scan-secrets' }] }] } },
    guardCommands: grouped('BeforeTool'),
  },
  {
    agent: 'cursor',
    file: (root) => join(root, '.cursor', 'hooks.json'),
    existing: { version: 1, hooks: { afterFileEdit: [{ command: 'prettier --write' }], beforeShellExecution: [{ command: './audit.sh' }] } },
    guardCommands: flat('beforeShellExecution'),
  },
  {
    agent: 'copilot',
    file: (root) => join(root, '.github', 'hooks', 'tollgate-guard.json'),
    existing: { version: 1, hooks: { sessionStart: [{ type: 'command', bash: 'echo start' }] } },
    guardCommands: flat('preToolUse', 'bash'),
  },
  {
    agent: 'amazon-q',
    file: (root) => join(root, '.amazonq', 'cli-agents', 'tollgate.json'),
    existing: { name: 'tollgate', tools: ['fs_read', 'execute_bash'], hooks: { agentSpawn: [{ command: 'git status' }] } },
    guardCommands: flat('preToolUse'),
  },
  {
    agent: 'kiro',
    file: (root) => join(root, '.kiro', 'agents', 'tollgate.json'),
    existing: { name: 'tollgate', tools: ['*'], hooks: { preToolUse: [{ matcher: 'write', command: 'lint' }] } },
    guardCommands: flat('preToolUse'),
  },
];

describe.each(CASES)('$agent', ({ agent, file, existing, guardCommands }) => {
  it('merges beside what is there, is idempotent, and uninstalls to exactly the original', () => {
    const path = file(project);
    const original = write(path, existing);
    const first = install(agent);
    expect(first).toMatchObject({ changed: true, file: path });
    const merged = read(path);
    expect(guardCommands(merged)).toContain(`${COMMAND} --agent ${agent}`);
    // Everything that was there is still there.
    for (const [key, value] of Object.entries(existing)) {
      if (key !== 'hooks') expect(merged[key]).toEqual(value);
    }
    for (const [event, entries] of Object.entries(hooksOf(existing))) {
      for (const entry of entries) expect(hooksOf(merged)[event]).toContainEqual(entry);
    }
    const afterFirst = readFileSync(path, 'utf8');
    expect(install(agent)).toMatchObject({ changed: false });
    expect(readFileSync(path, 'utf8')).toBe(afterFirst);
    expect(uninstall(agent)).toMatchObject({ changed: true });
    expect(read(path)).toEqual(JSON.parse(original));
    expect(uninstall(agent)).toMatchObject({ changed: false });
  });

  it('creates the file when there is none, and removes it again', () => {
    const path = file(project);
    expect(install(agent)).toMatchObject({ changed: true });
    expect(guardCommands(read(path))).toEqual([`${COMMAND} --agent ${agent}`]);
    expect(uninstall(agent)).toMatchObject({ changed: true });
    expect(existsSync(path)).toBe(false);
  });
});

describe('user scope', () => {
  it.each([
    ['claude-code', '.claude/settings.json'],
    ['cursor', '.cursor/hooks.json'],
    ['gemini', '.gemini/settings.json'],
    ['codex', '.codex/hooks.json'],
    ['kiro', '.kiro/agents/tollgate.json'],
    ['amazon-q', '.aws/amazonq/cli-agents/tollgate.json'],
  ])('installs %s into ~/%s', (agent, relative) => {
    expect(install(agent, { scope: 'user' })).toMatchObject({ changed: true, file: join(home, relative) });
    expect(existsSync(join(home, relative))).toBe(true);
  });

  it('refuses Copilot, which reads hooks from the repository only', () => {
    expect(install('copilot', { scope: 'user' })).toMatchObject({ error: expect.stringMatching(/no user-level hooks/) });
  });
});

describe('Cline', () => {
  const hook = (): string => join(project, '.clinerules', 'hooks', 'PreToolUse');

  it('writes an executable PreToolUse script, once, and removes it', () => {
    expect(install('cline')).toMatchObject({ changed: true });
    expect(readFileSync(hook(), 'utf8')).toContain(`exec ${COMMAND} --agent cline`);
    expect(statSync(hook()).mode & 0o111).not.toBe(0);
    expect(install('cline')).toMatchObject({ changed: false });
    expect(uninstall('cline')).toMatchObject({ changed: true });
    expect(existsSync(hook())).toBe(false);
  });

  it('never overwrites or deletes a PreToolUse script that is not the guard', () => {
    mkdirSync(dirname(hook()), { recursive: true });
    writeFileSync(hook(), '#!/bin/sh\necho \'{"cancel": false}\'\n');
    expect(install('cline')).toMatchObject({ error: expect.stringMatching(/already exists/) });
    expect(uninstall('cline')).toMatchObject({ error: expect.stringMatching(/not the guard/) });
    expect(readFileSync(hook(), 'utf8')).toContain('cancel');
  });
});

describe('broken settings', () => {
  it('refuses to merge into a file that is not JSON, and leaves it alone', () => {
    const path = join(project, '.claude', 'settings.json');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '{ "hooks": ');
    expect(install('claude-code')).toMatchObject({ error: expect.stringMatching(/not valid JSON/) });
    expect(readFileSync(path, 'utf8')).toBe('{ "hooks": ');
  });

  it('rejects an unknown agent', () => {
    expect(install('vim')).toMatchObject({ error: expect.stringMatching(/unknown agent `vim`/) });
  });
});

describe('tollgate guard install (the command)', () => {
  it('installs into the project given with --dir and reports the file', () => {
    const cli = resolve(import.meta.dirname, '../../../bin/tollgate.cjs');
    const run = spawnSync(process.execPath, [cli, 'guard', 'install', '--agent', 'claude-code', '--dir', project, '--hook-command', 'tollgate guard'], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(join(project, '.claude', 'settings.json'));
    expect(grouped('PreToolUse')(read(join(project, '.claude', 'settings.json')))).toEqual(['tollgate guard --agent claude-code']);
    const removed = spawnSync(process.execPath, [cli, 'guard', 'uninstall', '--agent', 'claude-code', '--dir', project], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(removed.status).toBe(0);
    expect(existsSync(join(project, '.claude', 'settings.json'))).toBe(false);
  });
});
