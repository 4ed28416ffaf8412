/**
 * @module Who is who: mapping commit identities to catalog people and expanding teams.
 */
import type { Catalog, CatalogPerson } from '../catalog/catalog-schema.js';

export interface PeopleDirectory {
  /** Catalog person by id. */
  byId(id: string): CatalogPerson | undefined;
  /** Catalog person id for an email (case-insensitive), or for a GitHub noreply address of a known handle. */
  idForEmail(email: string): string | undefined;
  /** Person ids of a list of team or person ids (unknown ids are kept as they are). */
  expand(teamOrPersonIds: readonly string[]): string[];
  /** True for identities marked `ai: true`. */
  isAi(personId: string): boolean;
}

const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/** Indexes the catalog's people and teams once per evaluation. */
export function buildPeopleDirectory(catalog: Catalog): PeopleDirectory {
  const people = new Map(catalog.people.map((person) => [person.id, person]));
  const byEmail = new Map<string, string>();
  const byHandle = new Map<string, string>();
  for (const person of catalog.people) {
    for (const email of person.emails) byEmail.set(email.toLowerCase(), person.id);
    if (person.github) byHandle.set(person.github.toLowerCase(), person.id);
  }
  return {
    byId: (id) => people.get(id),
    idForEmail(email) {
      const lower = email.toLowerCase();
      const direct = byEmail.get(lower);
      if (direct) return direct;
      const handle = GITHUB_NOREPLY.exec(lower)?.[1];
      return handle ? byHandle.get(handle) : undefined;
    },
    expand(ids) {
      const out = new Set<string>();
      for (const id of ids) {
        const members = catalog.teams[id];
        if (members) members.forEach((member) => out.add(member));
        else out.add(id);
      }
      return [...out].sort();
    },
    isAi: (id) => people.get(id)?.ai === true,
  };
}
