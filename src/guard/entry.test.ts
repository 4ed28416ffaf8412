/**
 * @module `tollgate guard` as a process: `--command` and its exit codes, usage errors, the human-only
 * approval (refused without a terminal; through a real pseudo-terminal it allows one exact command
 * once), and the decisions reaching the audit log.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { encodePlanFile } from './terraform/plan-file-builders.js';

const CLI = resolve(import.meta.dirname, '../../bin/tollgate.cjs');
let repo: string;
let home: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tollgate-guard-entry-'));
  home = mkdtempSync(join(tmpdir(), 'tollgate-guard-entry-home-'));
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', HOME: home });

function tollgate(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, 'guard', ...args], { cwd: repo, env: env(), input: input ?? '', encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function hook(command: string) {
  return tollgate(['--agent', 'claude-code'], JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, session_id: 'entry-test', cwd: repo }));
}

/** Runs `tollgate guard approve` inside a real pseudo-terminal (util-linux `script`), typing `reply`. */
function approveInTerminal(command: string, reply: string) {
  const inner = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} guard approve --command ${JSON.stringify(command)}`;
  const result = spawnSync('sh', ['-c', `(sleep 1; printf '%s\\n' ${JSON.stringify(reply)}) | script -qec ${JSON.stringify(inner)} /dev/null`], { cwd: repo, env: env(), encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, status: result.status };
}

describe('tollgate guard --command', () => {
  it.each([
    ['npm test', 'allow', 0],
    ['terraform destroy', 'ask', 1],
    ['rm -rf /', 'deny', 1],
  ])('`%s` → %s, exit %i, as tollgate.guard/v1 JSON', (command, decision, status) => {
    const run = tollgate(['--command', command, '--format', 'json']);
    expect(run.status).toBe(status);
    const body = JSON.parse(run.stdout) as { schema: string; decision: string; reasons: string[]; actions: Array<{ decision: string }> };
    expect(body).toMatchObject({ schema: 'tollgate.guard/v1', decision });
    expect(body.reasons.length).toBeGreaterThan(0);
    if (decision !== 'allow') expect(body.actions.map((action) => action.decision)).toContain(decision);
  });

  it('prints the verdict and reasons as text', () => {
    const run = tollgate(['--command', 'kubectl --context prod-eu delete ns orders']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^deny\n {2}- Denied: deletes the namespace `orders`/);
  });

  it("follows an alias from the repository's git configuration to what it runs", () => {
    spawnSync('git', ['config', 'alias.pf', 'push --force'], { cwd: repo });
    try {
      const denied = tollgate(['--command', 'git pf origin main', '--format', 'json']);
      expect(denied.status).toBe(1);
      expect(JSON.parse(denied.stdout)).toMatchObject({ decision: 'deny' });
      expect(tollgate(['--command', 'git pf origin feature/x', '--format', 'json']).status).toBe(0);
    } finally {
      spawnSync('git', ['config', '--unset', 'alias.pf'], { cwd: repo });
    }
  });

  it('reads a saved Terraform plan file to see what applying it deletes', () => {
    const infra = join(repo, 'infra');
    mkdirSync(infra, { recursive: true });
    writeFileSync(join(infra, 'replace.tfplan'), encodePlanFile({ changes: [{ address: 'aws_db_instance.orders', action: 'deleteThenCreate' }], workspace: 'default' }));
    writeFileSync(join(infra, 'scale.tfplan'), encodePlanFile({ changes: [{ address: 'aws_instance.web', action: 'update' }], workspace: 'default' }));
    writeFileSync(join(infra, 'notes.tfplan'), 'not a plan');
    const replace = tollgate(['--command', 'terraform -chdir=infra apply -auto-approve replace.tfplan']);
    expect(replace.status).toBe(1);
    expect(replace.stdout).toContain('applies `replace.tfplan`, which deletes and recreates `aws_db_instance.orders`');
    expect(tollgate(['--command', 'cd infra && terraform apply scale.tfplan']).status).toBe(0);
    expect(tollgate(['--command', 'terraform apply infra/notes.tfplan']).stdout).toContain('a saved plan the guard cannot read (it is not a zip archive, as plan files are)');
  });

  it('judges paths from --cwd', () => {
    expect(tollgate(['--command', 'rm -rf .', '--cwd', repo, '--format', 'json']).status).toBe(1);
    expect(tollgate(['--command', 'rm -rf .', '--cwd', join(repo, 'build'), '--format', 'json']).status).toBe(0);
  });

  it.each([
    [['--command'], /needs a value/],
    [['--command', 'ls', '--format', 'xml'], /json or text/],
    [['--frobnicate'], /unknown argument/],
    [['install'], /needs --agent/],
  ])('exits 2 for bad arguments %j', (args, message) => {
    const run = tollgate(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('prints usage for --help', () => {
    expect(tollgate(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('tollgate guard approve') });
  });
});

describe('tollgate guard approve', () => {
  it('refuses without a terminal, so an agent cannot approve its own commands', () => {
    const run = tollgate(['approve', '--command', 'terraform destroy'], 'yes\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs a person at a terminal/);
    expect(hook('terraform destroy').stdout).toContain('"permissionDecision":"ask"');
  });

  it('lets a person allow one exact command once', () => {
    const command = 'helm uninstall orders --namespace shop';
    expect(hook(command).stdout).toContain('"permissionDecision":"ask"');
    const approved = approveInTerminal(command, 'yes');
    expect(approved.status).toBe(0);
    expect(approved.stdout).toMatch(/Approved once: TG-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    // A different command is not covered.
    expect(hook(`${command} --debug`).stdout).toContain('"permissionDecision":"ask"');
    // The approved one runs once (an allow prints nothing to Claude Code)…
    expect(hook(command)).toMatchObject({ status: 0, stdout: '' });
    // …and only once.
    expect(hook(command).stdout).toContain('"permissionDecision":"ask"');
  });

  it('records nothing when the person does not type yes', () => {
    const command = 'kubectl delete ns staging-tmp';
    expect(approveInTerminal(command, 'no').stdout).toContain('Not approved.');
    expect(hook(command).stdout).toContain('"permissionDecision":"ask"');
  });

  it('has nothing to approve for a command the guard allows', () => {
    expect(approveInTerminal('git status', 'yes').stdout).toContain('nothing to approve');
  });
});

describe('the audit log', () => {
  it('receives every decision, and the approval issued and used, in order', async () => {
    const marker = `terraform destroy -target=module.audit_${Date.now()}`;
    hook(marker);
    hook('ls -la');
    const log = tollgate(['log', '--limit', '50', '--format', 'json']);
    expect(log.status).toBe(0);
    const decisions = (JSON.parse(log.stdout) as { decisions: Array<{ subject: string; decision: string; agent: string; sessionId?: string }> }).decisions;
    expect(decisions).toContainEqual(expect.objectContaining({ subject: marker, decision: 'ask', agent: 'claude-code', sessionId: 'entry-test' }));
    expect(decisions.at(-1)).toMatchObject({ subject: 'ls -la', decision: 'allow' });
    const store = await openStore({ repoDir: repo, env: {} });
    try {
      const events = await store.audit.list({ types: ['guard.approval.issued', 'guard.approval.used'] });
      const issued = events.filter((event) => event.type === 'guard.approval.issued');
      const used = events.filter((event) => event.type === 'guard.approval.used');
      expect(issued.length).toBeGreaterThan(0);
      expect(used.map((event) => event.payload.id)).toEqual(expect.arrayContaining([issued[0]?.payload.id]));
      expect((await store.audit.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('shows recent decisions as text', () => {
    const run = tollgate(['log', '--limit', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });
});
