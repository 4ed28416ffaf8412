/**
 * @module The catalog's people directory, built once per catalog object.
 */
import type { Catalog } from '../../core/catalog/catalog-schema.js';
import { buildPeopleDirectory, type PeopleDirectory } from '../../core/policy/people.js';

const cache = new WeakMap<Catalog, PeopleDirectory>();

export function peopleOf(catalog: Catalog): PeopleDirectory {
  let people = cache.get(catalog);
  if (!people) cache.set(catalog, (people = buildPeopleDirectory(catalog)));
  return people;
}
