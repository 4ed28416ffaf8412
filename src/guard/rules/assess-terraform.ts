/**
 * @module Terraform, OpenTofu and Terragrunt: `destroy`, `apply -destroy`, `apply -replace`, `apply`
 * of a saved plan that deletes, replaces or forgets resources (read from the file, or known from a
 * `plan -destroy -out` earlier in the same script), `state rm`/`state push`, `workspace delete`, `taint`.
 */
import { posix } from 'node:path';
import type { EnvironmentMarker } from '../environment/classify-environment.js';
import type { GuardContext } from '../guard-types.js';
import { resolveWordPath, UNKNOWN_DIRECTORY } from '../paths/classify-path.js';
import type { SavedPlanReading } from '../terraform/saved-plan.js';
import { parseArguments } from '../shell/parse-arguments.js';
import { deletesInPlan, environmentArguments, planFileKey, planFileTouched, planMadeInScript } from '../shell/terraform-plan-outputs.js';
import type { ShellAssignment, ShellWord } from '../shell/shell-syntax.js';
import { computedSubcommand, type InvocationRule, optionMarker, type RuleHit, subcommandIndex } from './rule-kit.js';

const GLOBAL_SPEC = { singleDashLong: true, stopAtPositional: true } as const;
/** Terraform's and Terragrunt's subcommands (see `subcommandIndex`), legacy `*-all` forms included. */
const SUBCOMMANDS = new Set([
  'init', 'validate', 'plan', 'apply', 'destroy', 'console', 'fmt', 'force-unlock', 'get', 'graph', 'import', 'login', 'logout',
  'metadata', 'output', 'providers', 'refresh', 'show', 'state', 'taint', 'test', 'untaint', 'version', 'workspace', 'run-all', 'run',
  'destroy-all', 'apply-all', 'plan-all', 'output-all', 'validate-all', 'hclfmt', 'render-json', 'graph-dependencies', 'stack',
]);

export const assessTerraform: InvocationRule = (invocation, context) => {
  const tool = invocation.name;
  let args = invocation.argv.slice(1);
  const global = parseArguments(args, GLOBAL_SPEC);
  const chdir = global.values.get('--chdir')?.[0];
  args = args.slice(global.stop);
  // Terragrunt's own options (`--terragrunt-working-dir envs/prod`) may leave values before the subcommand.
  if (tool === 'terragrunt') args = dropTerragruntRunAll(args.slice(subcommandIndex(args, SUBCOMMANDS)));
  const computed = computedSubcommand(args[0], tool, 'terraform');
  if (computed.length > 0) return computed;
  const subcommand = tool === 'terragrunt' && args[0]?.value === 'destroy-all' ? 'destroy' : args[0]?.value;
  // `TF_CLI_ARGS_apply=-destroy terraform apply` is `terraform apply -destroy`.
  const fromEnvironment = subcommand ? environmentArguments(subcommand, invocation.assignments, context.env) : [];
  if (fromEnvironment === null) {
    return [{ rule: 'terraform-computed-arguments', kind: 'risky', what: `\`${tool} ${subcommand}\` takes arguments from \`TF_CLI_ARGS\` only known at run time`, family: 'terraform' }];
  }
  const rest = [...args.slice(1), ...fromEnvironment];
  const options = parseArguments(rest, { singleDashLong: true, longWithValue: ['var', 'var-file', 'target', 'replace', 'state', 'state-out', 'backup', 'lock-timeout', 'parallelism'] });
  const markers: EnvironmentMarker[] = [
    ...optionMarker(chdir, 'name', '-chdir'),
    ...(options.values.get('--var') ?? []).flatMap((value) => optionMarker(value, 'name', '-var')),
    ...(options.values.get('--var-file') ?? []).flatMap((value) => optionMarker(value, 'name', '-var-file')),
  ];
  const hit = (rule: string, what: string, more: EnvironmentMarker[] = []): RuleHit[] => [
    { rule, kind: 'destructive', what, family: 'terraform', markers: [...markers, ...more], ignoreSelections: chdir !== undefined },
  ];
  switch (subcommand) {
    case 'destroy':
      return options.flags.has('--help') ? [] : hit('terraform-destroy', 'deletes every resource this configuration manages');
    case 'apply': {
      if (options.flags.has('--destroy')) return hit('terraform-destroy', 'deletes every resource this configuration manages');
      const replaced = options.values.get('--replace') ?? [];
      if (replaced.length > 0) return hit('terraform-replace', `deletes and recreates ${replaced.map((address) => `\`${address}\``).join(', ')}`);
      const plan = options.positionals[0];
      return plan ? assessSavedPlan(plan, chdir, global.valueWords.get('--chdir')?.[0], invocation.assignments, context, markers, hit) : [];
    }
    case 'state': {
      const action = rest[0]?.value;
      if (action === 'rm') return hit('terraform-state-rm', `removes ${targets(rest.slice(1))} from the Terraform state`);
      if (action === 'push') return hit('terraform-state-push', 'overwrites the remote Terraform state');
      return [];
    }
    case 'workspace':
      return rest[0]?.value === 'delete' ? hit('terraform-workspace-delete', `deletes the workspace ${targets(rest.slice(1))}`) : [];
    case 'taint':
      return hit('terraform-taint', `marks ${targets(rest)} for replacement on the next apply`);
    default:
      return [];
  }
};

/** Where a relative plan path starts: the command's directory, or `-chdir`'s; undefined when unknown. */
function planDirectory(context: GuardContext, chdir: string | undefined, chdirWord: ShellWord | undefined): string | undefined {
  if (context.cwd === UNKNOWN_DIRECTORY) return undefined;
  if (chdir === undefined) return context.cwd;
  return chdirWord?.literal ? posix.resolve(context.cwd, chdir) : undefined;
}

/**
 * `terraform apply FILE`: judged first by how the same command makes plans (with `-destroy` or
 * `-replace`: a destroy), then by what the saved plan in the file deletes. A plan the command makes
 * afresh into a file not there yet is a plain apply. A plan the guard cannot read (named at run
 * time, not there and not made here, replaceable by another part of the command, malformed, out of
 * reach) may delete anything.
 */
function assessSavedPlan(
  word: ShellWord,
  chdir: string | undefined,
  chdirWord: ShellWord | undefined,
  assignments: readonly ShellAssignment[],
  context: GuardContext,
  markers: EnvironmentMarker[],
  hit: (rule: string, what: string, more?: EnvironmentMarker[]) => RuleHit[],
): RuleHit[] {
  const shown = `\`${word.display}\``;
  const made = planMadeInScript(word.literal ? planFileKey(chdir, word.value) : '\0', assignments);
  // `TF_CLI_ARGS_plan=-destroy` exported, or in the agent's environment, makes the script's plans destroy plans.
  const planArgs = made === 'plan' ? environmentArguments('plan', assignments, context.env) : [];
  if (made === 'destroy' || planArgs === null || planArgs.some((arg) => deletesInPlan(arg.value))) {
    return hit('terraform-destroy', `applies ${shown}, and the same command makes a plan with \`-destroy\` or \`-replace\`: deletes what that plan deletes, possibly every resource this configuration manages`);
  }
  const unreadable = (why: string): RuleHit[] => [
    { rule: 'terraform-plan-unreadable', kind: 'risky', what: `applies ${shown}, a saved plan the guard cannot read (${why}): it may delete resources`, family: 'terraform', markers },
  ];
  if (word.literal && planFileTouched(word.value, assignments)) return unreadable('another part of this command may write files, this one among them, before the apply');
  const directory = planDirectory(context, chdir, chdirWord);
  const path = directory === undefined ? undefined : resolveWordPath(word, { ...context, cwd: directory })?.path;
  const reading: SavedPlanReading =
    path === undefined ? { error: 'its path is only known at run time' }
    : context.savedPlan ? context.savedPlan(path)
    : { error: 'saved plans are not read where this guard runs' };
  // A plan the command makes afresh is what runs when there is no file yet; a file already there
  // is judged as well, since the fresh plan may fail and leave it to the apply.
  if ('missing' in reading && made === 'plan') return [];
  if ('missing' in reading) return unreadable('there is no such file, and this command does not make it with `terraform plan -out`');
  if ('error' in reading) return unreadable(reading.error);
  const { plan } = reading;
  const workspace = plan.workspace ? [{ value: plan.workspace, kind: 'terraformWorkspace' as const, source: `the workspace ${shown} was made in`, selectsTarget: true }] : [];
  if (plan.mode === 'destroy') return hit('terraform-destroy', `applies ${shown}, a plan made with \`-destroy\`: deletes every resource this configuration manages`, workspace);
  const hits: RuleHit[] = [];
  const effects = [
    ...(plan.deletes.length > 0 ? [`deletes ${listed(plan.deletes)}`] : []),
    ...(plan.replaces.length > 0 ? [`deletes and recreates ${listed(plan.replaces)}`] : []),
  ];
  if (effects.length > 0) hits.push(...hit('terraform-plan-delete', `applies ${shown}, which ${effects.join(' and ')}`, workspace));
  if (plan.forgets.length > 0) hits.push(...hit('terraform-plan-forget', `applies ${shown}, which removes ${listed(plan.forgets)} from the Terraform state`, workspace));
  return hits;
}

/** Addresses for a message: the first few, then how many more. */
function listed(addresses: readonly string[], shownAtMost = 5): string {
  const names = addresses.slice(0, shownAtMost).map((address) => `\`${address}\``).join(', ');
  return addresses.length > shownAtMost ? `${names} and ${addresses.length - shownAtMost} more` : names;
}

function dropTerragruntRunAll(args: ShellWord[]): ShellWord[] {
  if (args[0]?.value === 'run-all') return args.slice(1);
  if (args[0]?.value === 'run') {
    const dashes = args.findIndex((word) => word.value === '--');
    return dashes >= 0 ? args.slice(dashes + 1) : args.slice(1).filter((word) => !word.value.startsWith('--'));
  }
  return args;
}

function targets(words: ShellWord[]): string {
  const names = words.filter((word) => !word.value.startsWith('-')).map((word) => `\`${word.value}\``);
  return names.length > 0 ? names.join(', ') : 'resources';
}
