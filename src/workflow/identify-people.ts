/**
 * @module Who someone is in the catalog, and who wrote a recorded change.
 */
import type { CatalogPerson } from '../core/catalog/catalog-schema.js';
import type { ChangeEvaluation } from '../core/evaluation.js';
import type { PeopleDirectory } from '../core/policy/people.js';

/** The catalog person named by id, email or GitHub noreply address; undefined when unknown. */
export function findPerson(people: PeopleDirectory, idOrEmail: string): CatalogPerson | undefined {
  const trimmed = idOrEmail.trim();
  return people.byId(trimmed) ?? (trimmed.includes('@') ? people.byId(people.idForEmail(trimmed) ?? '') : undefined);
}

/**
 * Person ids (or lower-case emails) of everyone who may not approve the change because they
 * wrote it: the authors, committers and operators the evaluation excluded, plus every commit
 * author and operator it lists, mapped through the current catalog.
 */
export function authorsOf(evaluation: ChangeEvaluation, people: PeopleDirectory): Set<string> {
  const authors = new Set<string>();
  for (const requirement of evaluation.requirements) if (requirement.kind === 'approvals') requirement.excluded.forEach((id) => authors.add(id));
  const add = (identity: string): void => {
    const email = /<([^>]+)>/.exec(identity)?.[1] ?? identity;
    authors.add(people.idForEmail(email) ?? email.toLowerCase());
  };
  for (const commit of evaluation.change.commits) add(commit.author);
  for (const operator of evaluation.provenance.operators) add(operator);
  return authors;
}
