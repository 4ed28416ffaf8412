/**
 * @module Decides whether an action targets production, a declared non-production environment,
 * or an environment the guard cannot place.
 *
 * Markers come from arguments, variables and the machine's current selections (kube context,
 * Terraform workspace). Any production marker makes the target production. Only markers that
 * select the target (a context, a profile, a workspace, a host) can make it non-production:
 * a resource merely named `staging-x` in an unknown cluster is still an unknown environment.
 */
import type { Environment } from '../../core/catalog/environments-schema.js';

export type EnvironmentClass = 'production' | 'non-production' | 'unknown';

export type MarkerKind = 'name' | 'kubeContext' | 'awsProfile' | 'awsAccount' | 'terraformWorkspace' | 'databaseHost' | 'stack';

export interface EnvironmentMarker {
  value: string;
  kind: MarkerKind;
  /** Where it was read, for messages: "argument `--context prod-eu`". */
  source: string;
  /** True when the marker chooses the target (context, profile, workspace, host, stack). */
  selectsTarget: boolean;
}

export interface EnvironmentAssessment {
  class: EnvironmentClass;
  /** The catalog environment matched, when one was. */
  environment?: Environment;
  /** The marker that decided, for messages. */
  marker?: EnvironmentMarker;
}

/** Words that make a name production when no catalog says otherwise (`prod-eu`, `db.prod.internal`). */
export const PRODUCTION_WORDS = ['prod', 'production', 'prd', 'live'] as const;

/** Classifies a set of markers against the catalog's environments; pure. */
export function classifyEnvironment(markers: readonly EnvironmentMarker[], environments: readonly Environment[]): EnvironmentAssessment {
  let nonProduction: EnvironmentAssessment | undefined;
  for (const marker of markers) {
    const value = marker.value.replace(/\uFFFD/g, ' ').trim();
    if (value === '') continue;
    const matches = environments.flatMap((environment) => {
      const how = matchesEnvironment(value, marker.kind, environment);
      return how ? [{ environment, how }] : [];
    });
    const production = matches.find((match) => match.environment.production);
    if (production) return { class: 'production', environment: production.environment, marker };
    // A non-production match by exact name overrides the production words; a partial one
    // (`staging-prod-mirror` containing `staging`) does not.
    const exact = matches.find((match) => match.how === 'exact');
    if (!exact && PRODUCTION_WORDS.some((word) => containsWord(value, word))) return { class: 'production', marker };
    const other = exact ?? matches[0];
    if (other && marker.selectsTarget) nonProduction ??= { class: 'non-production', environment: other.environment, marker };
  }
  return nonProduction ?? { class: 'unknown' };
}

/** Describes an assessment in words: "`prod-eu` (kube context from KUBECONFIG) is production". */
export function describeEnvironment(assessment: EnvironmentAssessment): string {
  const { marker, environment } = assessment;
  if (assessment.class === 'unknown' || !marker) return 'the target environment is unknown';
  const named = environment ? ` (environment \`${environment.name}\` in tollgate.yaml)` : '';
  const which = assessment.class === 'production' ? 'production' : 'not production';
  return `\`${marker.value}\` from ${marker.source} is ${which}${named}`;
}

function matchesEnvironment(value: string, kind: MarkerKind, environment: Environment): 'exact' | 'partial' | undefined {
  const lower = value.toLowerCase();
  const equals = (candidates: readonly string[]): boolean => candidates.some((candidate) => candidate.toLowerCase() === lower);
  const contains = (candidates: readonly string[]): boolean => candidates.some((candidate) => lower.includes(candidate.toLowerCase()));
  const selections =
    kind === 'kubeContext' ? environment.kubeContexts
    : kind === 'awsProfile' ? environment.awsProfiles
    : kind === 'terraformWorkspace' ? environment.terraformWorkspaces
    : [...environment.kubeContexts, ...environment.awsProfiles, ...environment.terraformWorkspaces];
  if (equals([environment.name, ...environment.names, ...environment.databaseHosts, ...environment.awsAccounts, ...selections])) return 'exact';
  if (environment.names.some((name) => containsWord(value, name))) return 'partial';
  if (environment.stackPatterns.some((pattern) => globMatches(pattern, value))) return 'partial';
  if (contains(environment.databaseHosts) || contains(environment.awsAccounts)) return 'partial';
  return undefined;
}

/** True when `word`'s tokens appear consecutively among `value`'s tokens (split on non-alphanumerics). */
export function containsWord(value: string, word: string): boolean {
  const tokens = tokenize(value);
  const wanted = tokenize(word);
  if (wanted.length === 0) return false;
  for (let i = 0; i + wanted.length <= tokens.length; i++) {
    if (wanted.every((token, j) => tokens[i + j] === token)) return true;
  }
  return false;
}

function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(value);
}
