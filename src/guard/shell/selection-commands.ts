/**
 * @module Commands that change what later commands of the same script do: `kubectl config
 * use-context`, `terraform workspace select`, `pulumi stack select`, `gcloud config set project`
 * choose the environment, read as the variable that says the same (`KUBECONTEXT=prod-eu`), so a
 * selection made earlier in the same command counts instead of the machine's current one; and
 * `terraform plan -out=FILE` makes the plan a later `terraform apply FILE` runs
 * (`terraform-plan-outputs.ts`). A command name the script aliases is read both ways.
 */
import { commandName } from './command-name.js';
import { literalWord, makeWord } from './decode-word.js';
import type { CommandAliases } from './command-aliases.js';
import type { ShellAssignment, ShellWord, SimpleCommand } from './shell-syntax.js';
import { planOutputAssignment, scriptWritesAssignment, TERRAFORM_TOOLS, withoutWrappers } from './terraform-plan-outputs.js';

/**
 * The selections `commands` make, as assignments of the variables the tools read; `assignments`:
 * the script's own (`export X=…`), read for `TF_CLI_ARGS…` set through another variable's name.
 */
export function selectionAssignments(commands: readonly SimpleCommand[], aliases: CommandAliases = new Map(), assignments: readonly ShellAssignment[] = []): ShellAssignment[] {
  const selected: ShellAssignment[] = [];
  for (const command of commands) {
    const alias = aliases.get(commandName(command.words[0]) ?? '');
    selected.push(...selectionsOf(withoutWrappers(command.words) ?? command.words, command.assignments));
    if (alias) selected.push(...selectionsOf([...alias, ...command.words.slice(1)], command.assignments));
  }
  // A script that runs Terraform: whether its other commands may write files tells whether a plan file may be replaced.
  const isTerraform = (command: SimpleCommand): boolean => {
    const name = commandName((withoutWrappers(command.words) ?? command.words)[0]) ?? '';
    return TERRAFORM_TOOLS.has(name) || TERRAFORM_TOOLS.has(commandName(aliases.get(name)?.[0]) ?? '');
  };
  if (commands.some(isTerraform)) {
    selected.push(...scriptWritesAssignment(commands, isTerraform));
    // `TF_CLI_ARGS…` set by `read`, `printf -v` or through a variable's name: its value is unknown.
    const named = (text: string): boolean => text.includes('TF_CLI_ARGS');
    if (commands.some((command) => command.words.slice(1).some((word) => named(word.value))) || [...assignments, ...commands.flatMap((command) => command.assignments)].some(({ value }) => named(value.value))) {
      selected.push({ name: 'TF_CLI_ARGS', value: makeWord([{ kind: 'dynamic', source: 'TF_CLI_ARGS set at run time' }]) });
    }
  }
  return selected;
}

/** What one command selects; `prefix`: the variables set on it (`TF_CLI_ARGS_plan=… terraform plan`). */
function selectionsOf(all: readonly ShellWord[], prefix: readonly ShellAssignment[]): ShellAssignment[] {
  const name = commandName(all[0]);
  const words = all.slice(1).filter((word) => !word.value.startsWith('-'));
  const [first, second, third] = words.map((word) => word.value);
  const chosen = (variable: string, value: ShellWord | undefined): ShellAssignment[] =>
    value ? [{ name: variable, value: value.literal ? literalWord(value.value) : value }] : [];
  if ((name === 'kubectl' || name === 'oc') && first === 'config' && second === 'use-context') return chosen('KUBECONTEXT', words[2]);
  if ((name === 'terraform' || name === 'tofu') && first === 'workspace' && (second === 'select' || second === 'new')) return chosen('TF_WORKSPACE', words[2]);
  if (name === 'pulumi' && first === 'stack' && second === 'select') return chosen('PULUMI_STACK', words[2]);
  if (name === 'gcloud' && first === 'config' && second === 'set' && third === 'project') return chosen('CLOUDSDK_CORE_PROJECT', words[3]);
  if (TERRAFORM_TOOLS.has(name ?? '')) {
    const plan = planOutputAssignment(all.slice(1), prefix);
    return plan ? [plan] : [];
  }
  return [];
}
