/**
 * @module Saved Terraform plans a script makes: `terraform plan [-destroy] -out=FILE`. Read as
 * assignments of names no shell can assign (so no real variable is taken for them), which reach
 * every command of the script like the selections in `selection-commands.ts`; `assess-terraform.ts`
 * judges `terraform apply FILE` by them before it reads the file, which may not be there yet or be
 * a stale one the script writes again.
 */
import { posix } from 'node:path';
import { literalWord } from './decode-word.js';
import type { ShellAssignment, ShellWord } from './shell-syntax.js';

/** A plan the script makes with `-destroy`: its file (`''`: named at run time). */
export const DESTROY_PLAN_VARIABLE = 'tollgate:terraform-destroy-plan';
/** A plan the script makes without `-destroy`: its file, as `planFileKey` spells it. */
export const PLAN_VARIABLE = 'tollgate:terraform-plan';

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
    const option = /^--?(destroy|out)(?:=(.*))?$/s.exec(word.value);
    if (!option) return;
    if (option[1] === 'destroy') destroy = option[2] === undefined || !FALSE.has(option[2]);
    else if (option[2] !== undefined) out = word.literal ? option[2] : '';
    else out = words[index + 1]?.literal ? words[index + 1]!.value : '';
  });
  if (out === undefined) return undefined;
  if (destroy) return { name: DESTROY_PLAN_VARIABLE, value: literalWord(out) };
  return out === '' ? undefined : { name: PLAN_VARIABLE, value: literalWord(planFileKey(chdir, out)) };
}

/**
 * How the script makes the plan file `key` (see `planFileKey`): `destroy` when it makes any plan
 * with `-destroy` (whichever file it is applied from: paths can be spelled many ways), `plan` when
 * it makes this one without, undefined when it does not make it.
 */
export function planMadeInScript(key: string, assignments: readonly ShellAssignment[]): 'destroy' | 'plan' | undefined {
  if (assignments.some(({ name }) => name === DESTROY_PLAN_VARIABLE)) return 'destroy';
  return assignments.some(({ name, value }) => name === PLAN_VARIABLE && value.value === key) ? 'plan' : undefined;
}
