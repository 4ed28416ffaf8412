/**
 * @module The contract between the guard's command rules and the decision: what a rule reports.
 */
import type { EnvironmentMarker } from '../environment/classify-environment.js';
import type { GuardContext } from '../guard-types.js';
import type { Invocation } from '../shell/expand-invocations.js';
import type { ShellWord } from '../shell/shell-syntax.js';

/**
 * How bad an action is, before its environment is known:
 * - `catastrophic`: irrecoverable wherever it runs (`rm -rf /`, `mkfs` on a disk): denied;
 * - `tamper`: disables or bypasses the guard itself: denied;
 * - `destructive`: deletes data or infrastructure: denied for production, asked for an unknown
 *   environment, allowed for a declared non-production one;
 * - `risky`: may lose work or data the guard cannot weigh: asked, denied for production;
 * - `protected`: touches a protected path: asked (or denied, per path).
 */
export type HitKind = 'catastrophic' | 'tamper' | 'destructive' | 'risky' | 'protected';

/** Which environment variables and machine selections say where a tool acts. */
export type ToolFamily = 'kubernetes' | 'terraform' | 'pulumi' | 'aws' | 'gcp' | 'azure' | 'database' | 'cloud' | 'local';

export interface RuleHit {
  /** Stable id, e.g. `terraform-destroy`; catalog environments may set a verdict per id. */
  rule: string;
  kind: HitKind;
  /** What the action does, as a phrase: "deletes every resource this Terraform configuration manages". */
  what: string;
  family: ToolFamily;
  /** Markers read from the tool's own options (`--context`, `--profile`, `-var env=…`). */
  markers?: EnvironmentMarker[];
  /** The command picked its target itself (`--kubeconfig`, `-chdir`): ignore the machine's current selection. */
  ignoreSelections?: boolean;
  /** Set when the target is production for a reason markers cannot express (a protected git branch). */
  production?: string;
  /** Only a concern for production: asked there, allowed anywhere else (SQL the guard cannot read). */
  productionOnly?: boolean;
  /** For `protected` hits: the verdict the path asks for. */
  verdict?: 'ask' | 'deny';
}

export type InvocationRule = (invocation: Invocation, context: GuardContext) => RuleHit[];

/** A marker read from a command option. */
export function optionMarker(value: string | undefined, kind: EnvironmentMarker['kind'], option: string, selectsTarget = true): EnvironmentMarker[] {
  return value === undefined || value === '' ? [] : [{ value, kind, source: `argument \`${option} ${value}\``, selectsTarget }];
}

/** The command's text for messages, shortened. */
export function shown(words: readonly ShellWord[], limit = 6): string {
  const text = words.slice(0, limit).map((word) => word.value).join(' ');
  return words.length > limit ? `${text} …` : text;
}

/** Values of positional words, lower-cased. */
export function lowerValues(words: readonly ShellWord[]): string[] {
  return words.map((word) => word.value.toLowerCase());
}

/**
 * Where the subcommand is among `positionals`: the first word that is one of the tool's known
 * subcommands, else the first word. A global option whose value the guard does not know to expect
 * (`kubectl -v 6 delete …`) leaves its value before the subcommand; skipping values that are no
 * subcommand keeps `delete` from being missed.
 */
export function subcommandIndex(positionals: readonly ShellWord[], known: ReadonlySet<string>): number {
  const index = positionals.findIndex((word) => known.has(word.value));
  return index < 0 ? 0 : index;
}

/**
 * A hit for a tool whose subcommand is only known at run time (`kubectl $VERB ns orders`): it may
 * be a destructive one, so a person decides.
 */
export function computedSubcommand(word: ShellWord | undefined, tool: string, family: ToolFamily): RuleHit[] {
  if (!word || word.literal) return [];
  return [{ rule: `${tool}-computed-subcommand`, kind: 'risky', what: `\`${tool} ${word.display}\` runs a subcommand only known at run time`, family }];
}
