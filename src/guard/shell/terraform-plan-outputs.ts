/**
 * @module What a script does around `terraform apply FILE`: the plans it makes (`terraform plan
 * [-destroy|-replace] -out=FILE`), whether its other commands may write files, and Terraform's
 * arguments from `TF_CLI_ARGS…`. Read as assignments of names no shell can assign (so no real
 * variable is taken for them), which reach every command of the script like the selections in
 * `selection-commands.ts`; `assess-terraform.ts` judges the apply by them before it reads the file,
 * which may not be there yet, or be replaced before the apply runs.
 */
import { posix } from 'node:path';
import { commandName } from './command-name.js';
import { literalWord } from './decode-word.js';
import type { ShellAssignment, ShellWord, SimpleCommand } from './shell-syntax.js';

/** A plan the script makes with `-destroy` or `-replace`: its file (`''`: named at run time). */
export const DESTROY_PLAN_VARIABLE = 'tollgate:terraform-destroy-plan';
/** A plan the script makes without `-destroy`: its file, as `planFileKey` spells it. */
export const PLAN_VARIABLE = 'tollgate:terraform-plan';
/** Set when a command of the script other than Terraform's may write files (see `scriptWritesAssignment`). */
export const SCRIPT_WRITES_VARIABLE = 'tollgate:script-writes';

export const TERRAFORM_TOOLS = new Set(['terraform', 'tofu', 'terragrunt']);

/** Go's `strconv.ParseBool` false values: any other value of `-destroy=` is taken as true (Terraform rejects it or destroys). */
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** Whether a `plan` argument makes the plan delete: `-destroy` (not `-destroy=false`), or `-replace=…` (it deletes and recreates). */
export function deletesInPlan(argument: string): boolean {
  const option = /^--?(destroy|replace)(?:=(.*))?$/s.exec(argument);
  return option !== null && (option[1] === 'replace' || option[2] === undefined || !FALSE.has(option[2]));
}

/** One spelling for a plan file, from where the tool runs (`-chdir`) and its path: `a/./p` and `a/p` are one file. */
export function planFileKey(chdir: string | undefined, path: string): string {
  return posix.normalize(posix.join(chdir ?? '.', path));
}

/**
 * Arguments Terraform takes from the environment: `TF_CLI_ARGS` for every subcommand and
 * `TF_CLI_ARGS_<subcommand>` for one (`TF_CLI_ARGS_apply=-destroy`); the last setting of each wins.
 * Null when one is only known at run time.
 */
export function environmentArguments(subcommand: string, assignments: readonly ShellAssignment[], env: Readonly<Record<string, string | undefined>>): ShellWord[] | null {
  const words: ShellWord[] = [];
  for (const variable of ['TF_CLI_ARGS', `TF_CLI_ARGS_${subcommand}`]) {
    let set: ShellWord | undefined;
    for (const assignment of assignments) if (assignment.name === variable) set = assignment.value;
    if (set && !set.literal) return null;
    const value = set ? set.value : env[variable];
    // Terraform splits these as a shell would; quotes and escapes are read here as unknown.
    if (value && /["'\\`$]/.test(value)) return null;
    if (value) words.push(...value.split(/\s+/).filter(Boolean).map((word) => literalWord(word)));
  }
  return words;
}

/**
 * The plan a `terraform`/`tofu`/`terragrunt` command's words (after the name) make, as an
 * assignment; `assignments` are the variables set for it (`TF_CLI_ARGS_plan=-destroy`).
 */
export function planOutputAssignment(args: readonly ShellWord[], assignments: readonly ShellAssignment[] = []): ShellAssignment | undefined {
  let rest = args;
  let chdir: string | undefined;
  // Global options before the subcommand (`-chdir=infra`), and Terragrunt's `run-all`/`run --`.
  while (rest[0] && (rest[0].value.startsWith('-') || rest[0].value === 'run-all' || rest[0].value === 'run')) {
    chdir = /^--?chdir=(.*)$/s.exec(rest[0].value)?.[1] ?? chdir;
    rest = rest.slice(1);
  }
  if (rest[0]?.value !== 'plan') return undefined;
  const fromEnvironment = environmentArguments('plan', assignments, {});
  // Arguments set at run time may say `-destroy`.
  let destroy = fromEnvironment === null;
  let out: string | undefined;
  [...rest.slice(1), ...(fromEnvironment ?? [])].forEach((word, index, words) => {
    if (deletesInPlan(word.value)) destroy = true;
    const output = /^--?out(?:=(.*))?$/s.exec(word.value);
    if (!output) return;
    if (output[1] !== undefined) out = word.literal ? output[1] : '';
    else out = words[index + 1]?.literal ? words[index + 1]!.value : '';
  });
  if (out === undefined) return undefined;
  if (destroy) return { name: DESTROY_PLAN_VARIABLE, value: literalWord(out) };
  return out === '' ? undefined : { name: PLAN_VARIABLE, value: literalWord(planFileKey(chdir, out)) };
}

/**
 * How the script makes the plan file `key` (see `planFileKey`): `destroy` when it makes any plan
 * with `-destroy` or `-replace` (whichever file it is applied from: paths can be spelled many
 * ways), `plan` when it makes this one without, undefined when it does not make it.
 */
export function planMadeInScript(key: string, assignments: readonly ShellAssignment[]): 'destroy' | 'plan' | undefined {
  if (assignments.some(({ name }) => name === DESTROY_PLAN_VARIABLE)) return 'destroy';
  return assignments.some(({ name, value }) => name === PLAN_VARIABLE && value.value === key) ? 'plan' : undefined;
}

/**
 * Commands that cannot put a plan's content into a file: they read, print, wait, move between
 * folders, make folders or remove, and have no option that writes a file or runs a program
 * (`sort -o`, `find -exec`, `rg --pre`, `less` with `LESSOPEN` are left out for that). Any other
 * command may write one.
 */
const CANNOT_WRITE_A_PLAN = new Set([
  'cd', 'pushd', 'popd', 'pwd', 'echo', 'printf', 'cat', 'ls', 'grep', 'egrep', 'fgrep', 'jq', 'head', 'tail', 'wc', 'test', '[',
  '[[', 'true', 'false', ':', 'set', 'unset', 'export', 'sleep', 'date', 'which', 'type', 'rm', 'rmdir', 'unlink', 'mkdir', 'touch',
  'chmod', 'chown', 'stat',
]);
/** Wrappers whose command is what runs: `sudo terraform …` is Terraform. */
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'nice', 'nohup', 'time', 'timeout', 'stdbuf', 'command', 'builtin', 'exec']);
const QUIET_TARGETS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);

/**
 * A command's words from the command a wrapper runs (`sudo terraform apply` → `terraform apply`,
 * `env X=1 timeout 60 …`). Undefined when a wrapper has options: some take a value (`sudo -u
 * terraform cp …`, `env -u echo cp …`), so which word is the command cannot be told.
 */
export function withoutWrappers(words: readonly ShellWord[]): readonly ShellWord[] | undefined {
  let index = 0;
  while (index < words.length - 1 && WRAPPERS.has(commandName(words[index]) ?? '')) {
    index += 1;
    if (words[index]!.value.startsWith('-')) return undefined;
    while (index < words.length - 1 && /^[A-Za-z_][A-Za-z0-9_]*=|^\d+[smhd]?$/.test(words[index]!.value)) index += 1;
  }
  return words.slice(index);
}

/** What the script's commands other than Terraform's may write: `any` file, or only these (by base name). */
const ANY_FILE = '*';

/**
 * An assignment saying which files the script may write besides Terraform's plans (`isTerraform`
 * tells Terraform's commands), or nothing when it writes none: a copy, a download, an archive, a
 * nested `bash -c` or `git stash pop` may write any file, and may put another plan where the apply
 * reads one; a redirect or `tee` writes the files it names (`terraform show -json p > plan.json`).
 */
export function scriptWritesAssignment(commands: readonly SimpleCommand[], isTerraform: (command: SimpleCommand) => boolean): ShellAssignment[] {
  const files = new Set<string>();
  const named = (word: ShellWord): void => void files.add(word.literal && !word.expands ? posix.basename(word.value) : ANY_FILE);
  for (const command of commands) {
    for (const { operator, target } of command.redirects) {
      // `>&file` writes a file as `&>file` does; `>&2` and `>&-` do not.
      const writes = ['>', '>>', '>|', '&>', '&>>', '<>'].includes(operator) || (operator === '>&' && !/^(?:\d+|-)$/.test(target.value));
      if (writes && !QUIET_TARGETS.has(target.value)) named(target);
    }
    if (isTerraform(command) || command.words.length === 0) continue;
    const words = withoutWrappers(command.words);
    // A command run by its path (`script/test`, `./cat`) is the repository's or anyone's program.
    const name = words && !words[0]!.value.includes('/') ? (commandName(words[0]) ?? '') : '';
    if (name === 'tee') words!.slice(1).filter((word) => !word.value.startsWith('-')).forEach(named);
    else if (!CANNOT_WRITE_A_PLAN.has(name)) files.add(ANY_FILE);
  }
  return files.size > 0 ? [{ name: SCRIPT_WRITES_VARIABLE, value: literalWord([...files].join('\n')) }] : [];
}

/**
 * Whether the script may write the plan file at `path` besides Terraform: it may then be replaced
 * before the apply, so neither a fresh plan nor the file on disk tells what runs.
 */
export function planFileTouched(path: string, assignments: readonly ShellAssignment[]): boolean {
  const file = posix.basename(path);
  return assignments.some(({ name, value }) => name === SCRIPT_WRITES_VARIABLE && value.value.split('\n').some((written) => written === ANY_FILE || written === file));
}
