/**
 * @module Commands that change which environment later commands act on: `kubectl config use-context`,
 * `terraform workspace select`, `pulumi stack select`, `gcloud config set project`. Read as the
 * variable that says the same (`KUBECONTEXT=prod-eu`), so a selection made earlier in the same
 * command counts instead of the machine's current one.
 */
import { commandName } from './command-name.js';
import { literalWord } from './decode-word.js';
import type { ShellAssignment, SimpleCommand } from './shell-syntax.js';

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
    }
  }
  return assignments;
}
