/**
 * @module Commands that change what later commands of the same script do: `kubectl config
 * use-context`, `terraform workspace select`, `pulumi stack select`, `gcloud config set project`
 * choose the environment, read as the variable that says the same (`KUBECONTEXT=prod-eu`), so a
 * selection made earlier in the same command counts instead of the machine's current one; and
 * `terraform plan -destroy -out=FILE` makes a plan whose `terraform apply FILE` deletes everything,
 * read as `DESTROY_PLAN_VARIABLE=FILE` (a name no shell can assign, so no real variable is taken for it).
 */
import { commandName } from './command-name.js';
import { literalWord } from './decode-word.js';
import type { ShellAssignment, ShellWord, SimpleCommand } from './shell-syntax.js';

/** A saved Terraform plan made with `-destroy` in the script: its file (`''`: named at run time). */
export const DESTROY_PLAN_VARIABLE = 'tollgate:terraform-destroy-plan';

const TERRAFORM_TOOLS = new Set(['terraform', 'tofu', 'terragrunt']);

/** The selections `commands` make, as assignments of the variables the tools read. */
export function selectionAssignments(commands: readonly SimpleCommand[]): ShellAssignment[] {
  const assignments: ShellAssignment[] = [];
  for (const command of commands) {
    const name = commandName(command.words[0]);
    const words = command.words.slice(1).filter((word) => !word.value.startsWith('-'));
    const [first, second, third] = words.map((word) => word.value);
    const value = words[2];
    const set = (variable: string): void => {
      if (value) assignments.push({ name: variable, value: value.literal ? literalWord(value.value) : value });
    };
    if ((name === 'kubectl' || name === 'oc') && first === 'config' && second === 'use-context') set('KUBECONTEXT');
    else if ((name === 'terraform' || name === 'tofu') && first === 'workspace' && (second === 'select' || second === 'new')) set('TF_WORKSPACE');
    else if (name === 'pulumi' && first === 'stack' && second === 'select') set('PULUMI_STACK');
    else if (name === 'gcloud' && first === 'config' && second === 'set' && third === 'project') {
      const project = words[3];
      if (project) assignments.push({ name: 'CLOUDSDK_CORE_PROJECT', value: project.literal ? literalWord(project.value) : project });
    } else if (TERRAFORM_TOOLS.has(name ?? '') && first === 'plan') {
      const file = destroyPlanFile(command.words.slice(1));
      if (file !== undefined) assignments.push({ name: DESTROY_PLAN_VARIABLE, value: literalWord(file) });
    }
  }
  return assignments;
}

/**
 * The `-out` file of a `plan` with `-destroy` (single- or double-dash options, `=` or a separate
 * value); `''` when its name is only known at run time (then any saved plan may be it).
 */
function destroyPlanFile(args: readonly ShellWord[]): string | undefined {
  let destroy = false;
  let out: string | undefined;
  args.forEach((word, index) => {
    const option = /^--?(destroy|out)(?:=(.*))?$/.exec(word.value);
    if (!option) return;
    if (option[1] === 'destroy') destroy = option[2] === undefined || option[2] === 'true';
    else if (option[2] !== undefined) out = word.literal ? option[2] : '';
    else out = args[index + 1]?.literal ? args[index + 1]!.value : '';
  });
  return destroy ? out : undefined;
}
