import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

interface Report {
  findings: { rule: string; severity: string; file?: string; message: string }[];
  verdict: string;
}

describe('tollgate check on bad input', () => {
  let repo: GitRepo;
  const outside = mkdtempSync(join(tmpdir(), 'tollgate-not-a-repo-'));

  beforeAll(() => {
    repo = createGitRepo();
    repo.write('tollgate.yaml', 'version: 1\n').write('README.md', 'hello\n').commit('base');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  const check = (cwd: string, ...args: string[]) => runCli(['check', ...args], { cwd });
  const onBranch = async (name: string, files: Record<string, string | Buffer>): Promise<Report> => {
    repo.checkout('main').branch(name).writeAll(files).commit(name);
    const result = await check(repo.dir, '--base', 'main', '--head', name, '--format', 'json');
    expect([0, 1], result.stderr).toContain(result.code);
    return JSON.parse(result.stdout) as Report;
  };

  it.each([
    { name: 'a folder that is not a git repository', cwd: () => outside, args: [], message: /not a git repository: `.*tollgate-not-a-repo-/ },
    { name: 'an unknown revision', cwd: () => repo.dir, args: ['--base', 'no-such-rev'], message: /`no-such-rev`/ },
    { name: 'a missing documentation file', cwd: () => repo.dir, args: ['--base', 'main', '--doc', 'missing.md'], message: /cannot read documentation file `missing.md`: no such file/ },
    { name: 'a missing plan file', cwd: () => repo.dir, args: ['--base', 'main', '--plan', 'nope.json'], message: /cannot read plan file `nope.json`/ },
    { name: 'an unknown format', cwd: () => repo.dir, args: ['--format', 'yaml'], message: /yaml/ },
  ])('exits 2 for $name, saying what and where', async ({ cwd, args, message }) => {
    const result = await check(cwd(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('exits 2 for a malformed catalog, naming the file, line and field', async () => {
    const catalog = join(repo.dir, '.git', 'bad.yaml');
    writeFileSync(catalog, 'version: 1\nsystems:\n  - id: web\n    tier: 4\n    paths: ["web/**"]\n    ownerz: [a]\n');
    const result = await check(repo.dir, '--base', 'main', '--catalog', catalog);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:4:\d+: systems\[0\]\.tier/);
    expect(result.stderr).toMatch(/bad\.yaml:6:\d+: .*`ownerz`.*did you mean `owners`/);
  });

  it('exits 2 for a catalog regex that is not linear-time', async () => {
    const catalog = join(repo.dir, '.git', 'regex.yaml');
    writeFileSync(catalog, 'version: 1\nrules:\n  custom:\n    - { id: backref, added: "(a)\\\\1", severity: high, message: m }\n');
    const result = await check(repo.dir, '--base', 'main', '--catalog', catalog);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/regex\.yaml:4:\d+: rules\.custom\[0\]\.added/);
  });

  it('turns a malformed plan inside the change into a finding, never a pass', async () => {
    const report = await onBranch('bad-plan', { 'infra/prod.plan.json': '{"format_version": "1.2", "resource_changes": [' });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'infra-destroy', severity: 'critical', file: 'infra/prod.plan.json' }));
    expect(report.verdict).not.toBe('allow');
  });

  it('turns non-UTF-8 and overlong lines into findings', async () => {
    const report = await onBranch('unreadable', {
      'src/latin1.ts': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'src/huge.min.js': `${'x'.repeat(50 * 1024 * 1024)}\n`,
    });
    const unreadable = report.findings.filter((finding) => finding.rule === 'unreadable-content').map((finding) => finding.file);
    expect(unreadable).toEqual(expect.arrayContaining(['src/latin1.ts', 'src/huge.min.js']));
  });

  it('refuses to record a change when the base revision has no catalog', async () => {
    const bare = createGitRepo();
    try {
      bare.write('a.txt', 'a\n').commit('base');
      bare.branch('change').write('a.txt', 'b\n').commit('change');
      const result = await runCli(['check', '--base', 'main', '--head', 'change', '--record'], { cwd: bare.dir, env: { TOLLGATE_DATA_DIR: outside } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot record: there is no tollgate\.yaml at the base revision/);
    } finally {
      bare.cleanup();
    }
  });

  it('checks a patch read from stdin', async () => {
    const patch = repo.git('diff', 'main', 'bad-plan');
    const result = await runCli(['check', '--patch', '-', '--format', 'json'], { cwd: repo.dir, input: patch });
    expect(result.code, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as Report).findings.some((finding) => finding.rule === 'infra-destroy')).toBe(true);
  });
});
