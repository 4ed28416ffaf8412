/**
 * @module Test builder for real git repositories in temporary folders.
 *
 * Tests that read changes must run against real `git`, not mocks. This builder makes that short:
 *
 * @example
 * ```ts
 * const repo = createGitRepo();                       // `git init -b main` in a fresh temp folder
 * repo.write('src/a.ts', 'export const a = 1;\n').commit('base');
 * repo.branch('feature');                             // create and switch
 * const sha = repo.write('src/a.ts', 'export const a = 2;\n').commit({
 *   message: 'feat: bump a',
 *   author: { name: 'Claude', email: 'noreply@anthropic.com' },
 *   trailers: [['Co-authored-by', 'Carol <carol@example.com>']],
 * });
 * repo.cleanup();                                     // in afterEach/afterAll
 * ```
 *
 * Every git call runs with an isolated configuration (no global or system config, fixed identity,
 * no signing, fixed dates unless given) so tests behave the same on every machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A git identity. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** How to make one commit. */
export interface CommitOptions {
  /** Subject, optionally followed by a blank line and a body. */
  message: string;
  /** Defaults to `Test Author <author@example.com>`. */
  author?: GitIdentity;
  /** Defaults to the author. */
  committer?: GitIdentity;
  /** Trailers appended as the message's last paragraph, e.g. `[['Co-authored-by', 'A <a@x>']]`. */
  trailers?: [key: string, value: string][];
  /** ISO 8601 author and committer date; defaults to a fixed date that advances one minute per commit. */
  date?: string;
  /** Stage everything (`git add -A`) before committing; default true. */
  addAll?: boolean;
  /** Allow a commit without changes; default false. */
  allowEmpty?: boolean;
}

export const DEFAULT_AUTHOR: GitIdentity = { name: 'Test Author', email: 'author@example.com' };

/** A real git repository in a temporary folder. Methods that change it return `this` for chaining. */
export interface GitRepo {
  /** Absolute path of the work tree. */
  readonly dir: string;
  /** Runs `git <args>` in the repo and returns stdout (trailing newline kept). Throws on a non-zero exit. */
  git(...args: string[]): string;
  /** Like `git`, with stdin. */
  gitWithInput(input: string | Buffer, ...args: string[]): string;
  /** Writes a file (creating folders); a Buffer is written byte for byte. */
  write(path: string, content: string | Buffer): GitRepo;
  /** Writes many files at once. */
  writeAll(files: Record<string, string | Buffer>): GitRepo;
  /** Removes a file or folder from the work tree. */
  remove(path: string): GitRepo;
  /** Sets a file's executable bit. */
  chmod(path: string, mode: number): GitRepo;
  /** Creates a symbolic link at `path` pointing to `target`. */
  symlink(path: string, target: string): GitRepo;
  /** Commits (staging everything first by default) and returns the new commit's sha. */
  commit(options: CommitOptions | string): string;
  /** Creates `name` at `from` (default HEAD) and switches to it. */
  branch(name: string, from?: string): GitRepo;
  /** Switches to an existing branch or revision. */
  checkout(ref: string): GitRepo;
  /** Resolves a revision to a full sha. */
  sha(rev?: string): string;
  /** Name of the current branch (empty when detached). */
  currentBranch(): string;
  /** Deletes the temporary folder. */
  cleanup(): void;
}

/** Environment for every git call: no user/system config, fixed identity, English messages. */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: DEFAULT_AUTHOR.name,
    GIT_AUTHOR_EMAIL: DEFAULT_AUTHOR.email,
    GIT_COMMITTER_NAME: DEFAULT_AUTHOR.name,
    GIT_COMMITTER_EMAIL: DEFAULT_AUTHOR.email,
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

const FIXED_EPOCH = Date.parse('2026-01-05T09:00:00Z');

/** Formats a commit message with trailers as git expects them: the last paragraph. */
export function formatCommitMessage(message: string, trailers: [string, string][] = []): string {
  if (trailers.length === 0) return message;
  return `${message.replace(/\s+$/, '')}\n\n${trailers.map(([key, value]) => `${key}: ${value}`).join('\n')}\n`;
}

/**
 * Creates an empty repository (`git init -b <defaultBranch>`) in a new temp folder.
 * `defaultBranch` defaults to `main`.
 */
export function createGitRepo(options: { defaultBranch?: string } = {}): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-repo-'));
  let commits = 0;
  const run = (args: string[], input?: string | Buffer, env?: Record<string, string>): string =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
      cwd: dir,
      env: isolatedEnv(env),
      input,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  run(['init', '-q', '-b', options.defaultBranch ?? 'main']);

  const repo: GitRepo = {
    dir,
    git: (...args) => run(args),
    gitWithInput: (input, ...args) => run(args, input),
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return repo;
    },
    writeAll(files) {
      for (const [path, content] of Object.entries(files)) repo.write(path, content);
      return repo;
    },
    remove(path) {
      rmSync(join(dir, path), { recursive: true, force: true });
      return repo;
    },
    chmod(path, mode) {
      chmodSync(join(dir, path), mode);
      return repo;
    },
    symlink(path, target) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      rmSync(full, { force: true });
      symlinkSync(target, full);
      return repo;
    },
    commit(input) {
      const options: CommitOptions = typeof input === 'string' ? { message: input } : input;
      if (options.addAll !== false) run(['add', '-A']);
      const author = options.author ?? DEFAULT_AUTHOR;
      const committer = options.committer ?? author;
      const date = options.date ?? new Date(FIXED_EPOCH + commits * 60_000).toISOString();
      commits += 1;
      const message = formatCommitMessage(options.message, options.trailers);
      // -F - keeps the message byte for byte (no shell quoting); --cleanup=verbatim keeps blank lines.
      run(['commit', '-q', '--cleanup=verbatim', ...(options.allowEmpty ? ['--allow-empty'] : []), '-F', '-'], message, {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_COMMITTER_DATE: date,
      });
      return repo.sha('HEAD');
    },
    branch(name, from) {
      run(['checkout', '-q', '-b', name, ...(from ? [from] : [])]);
      return repo;
    },
    checkout(ref) {
      run(['checkout', '-q', ref]);
      return repo;
    },
    sha: (rev = 'HEAD') => run(['rev-parse', '--verify', `${rev}^{commit}`]).trim(),
    currentBranch: () => run(['branch', '--show-current']).trim(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}
