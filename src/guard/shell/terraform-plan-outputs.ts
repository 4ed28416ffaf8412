/**
 * @module Saved Terraform plans a script makes: `terraform plan [-destroy] -out=FILE`. Read as
 * assignments of names no shell can assign (so no real variable is taken for them), which reach
 * every command of the script like the selections in `selection-commands.ts`; `assess-terraform.ts`
 * judges `terraform apply FILE` by them before it reads the file, which may not be there yet or be
 * a stale one the script writes again.
 */
import { posix } from 'node:path';
import { literalWord } from './decode-word.js';
import type { ShellAssignment, ShellWord, SimpleCommand } from './shell-syntax.js';

/** A plan the script makes with `-destroy`: its file (`''`: named at run time). */
export const DESTROY_PLAN_VARIABLE = 'tollgate:terraform-destroy-plan';
/** A plan the script makes without `-destroy`: its file, as `planFileKey` spells it. */
export const PLAN_VARIABLE = 'tollgate:terraform-plan';
/** Every name in the words, redirects and assignments of the script's other commands than Terraform's, one per line. */
export const SCRIPT_NAMES_VARIABLE = 'tollgate:script-names';

export const TERRAFORM_TOOLS = new Set(['terraform', 'tofu', 'terragrunt']);

/** Go's `strconv.ParseBool` false values: any other value of `-destroy=` is taken as true (Terraform rejects it or destroys). */
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

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
    const option = /^--?(destroy|replace|out)(?:=(.*))?$/s.exec(word.value);
    if (!option) return;
    // A plan that replaces resources deletes them as well.
    if (option[1] === 'replace') destroy = true;
    else if (option[1] === 'destroy') destroy = option[2] === undefined || !FALSE.has(option[2]);
    else if (option[2] !== undefined) out = word.literal ? option[2] : '';
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

/** The names a word holds, split at blanks, `=`, `/` and quotes (`-out=./p` holds `-out`, `.`, `p`). */
function namesIn(text: string): string[] {
  return text.split(/[\s=/'"]+/).filter(Boolean);
}

/**
 * The names (see `SCRIPT_NAMES_VARIABLE`) of every command but those `isTerraform` tells (which
 * read plan files, and write one only with `plan -out`), as an assignment.
 */
export function scriptNamesAssignment(commands: readonly SimpleCommand[], assignments: readonly ShellAssignment[], isTerraform: (command: SimpleCommand) => boolean): ShellAssignment {
  const names: string[] = [];
  for (const command of commands) {
    if (isTerraform(command)) continue;
    for (const word of command.words) names.push(...namesIn(word.value));
    for (const redirect of command.redirects) names.push(...namesIn(redirect.target.value));
    for (const assignment of command.assignments) names.push(...namesIn(assignment.value.value));
  }
  for (const assignment of assignments) names.push(...namesIn(assignment.value.value));
  return { name: SCRIPT_NAMES_VARIABLE, value: literalWord(names.join('\n')) };
}

/**
 * Whether a command of the script other than Terraform's names the plan file `path`: a copy, a
 * download, a nested `bash -c` may replace it before the apply, so neither a fresh plan nor the
 * file on disk tells what runs.
 */
export function planFileTouched(path: string, assignments: readonly ShellAssignment[]): boolean {
  const file = posix.basename(path);
  return assignments.some(({ name, value }) => name === SCRIPT_NAMES_VARIABLE && value.value.split('\n').includes(file));
}
