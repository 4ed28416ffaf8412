/**
 * @module Cross-references inside a catalog: unique ids, and owners, members and sign-off people that exist.
 *
 * An owner that names nobody would make an owner approval impossible to give or, worse, easy to
 * misread; so every name must resolve. A person and a team may share an id.
 */
import type { Catalog, CatalogPerson, CatalogSystem, CustomRule } from './catalog-schema.js';
import { type CatalogIssue, type CatalogPath, formatCatalogPath, quoteInput } from './catalog-error.js';
import type { Environment } from './environments-schema.js';
import type { Freeze } from './freezes-schema.js';
import { suggestKey } from './suggest-key.js';

/**
 * What the checks read. A section that is absent failed validation as a whole, and an item
 * that is `undefined` failed on its own: checks that depend on them are skipped rather than
 * reporting every reference into them as unknown.
 */
export interface CatalogSections {
  people?: readonly (CatalogPerson | undefined)[];
  teams?: Catalog['teams'];
  systems?: readonly (CatalogSystem | undefined)[];
  guardrails?: Catalog['guardrails'];
  customRules?: readonly (CustomRule | undefined)[];
  freezes?: readonly (Freeze | undefined)[];
  environments?: readonly (Environment | undefined)[];
}

/** The sections of a fully valid catalog. */
export function sectionsOf(catalog: Catalog): CatalogSections {
  return { ...catalog, customRules: catalog.rules.custom };
}

/** Every broken cross-reference, grouped by kind of check. */
export function checkReferences(sections: CatalogSections): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const people = indexed(sections.people);
  const systems = indexed(sections.systems);
  const { teams, guardrails } = sections;

  issues.push(...duplicates(people.map(([p, i]) => ({ value: p.id, path: ['people', i, 'id'] })), 'person id'));
  issues.push(...duplicates(people.flatMap(([p, i]) => p.emails.map((email, j) => ({ value: email.toLowerCase(), shown: email, path: ['people', i, 'emails', j] }))), 'email'));
  issues.push(...duplicates(people.flatMap(([p, i]) => (p.github === undefined ? [] : [{ value: p.github.toLowerCase(), shown: p.github, path: ['people', i, 'github'] }])), 'github handle'));
  issues.push(...duplicates(systems.map(([s, i]) => ({ value: s.id, path: ['systems', i, 'id'] })), 'system id'));
  issues.push(...duplicates(indexed(sections.customRules).map(([r, i]) => ({ value: r.id, path: ['rules', 'custom', i, 'id'] })), 'custom rule id'));
  issues.push(...duplicates(indexed(sections.freezes).map(([f, i]) => ({ value: f.id, path: ['freezes', i, 'id'] })), 'freeze id'));
  issues.push(...duplicates(indexed(sections.environments).map(([e, i]) => ({ value: e.name, path: ['environments', i, 'name'] })), 'environment name'));

  // Names resolve only when every person (and team) is known; otherwise a typo elsewhere would cascade.
  const peopleComplete = sections.people !== undefined && people.length === sections.people.length;
  const personIds = peopleComplete ? new Set(people.map(([p]) => p.id)) : undefined;
  const ownerIds = personIds && teams ? new Set([...personIds, ...Object.keys(teams)]) : undefined;
  const peopleById = new Map(people.map(([p]) => [p.id, p]));

  if (teams && personIds) {
    for (const [team, members] of Object.entries(teams)) {
      members.forEach((member, j) => {
        if (!personIds.has(member)) issues.push(unknown(['teams', team, j], member, 'person', personIds));
      });
    }
  }
  for (const [system, i] of systems) {
    if (ownerIds) {
      system.owners.forEach((owner, j) => {
        if (!ownerIds.has(owner)) issues.push(unknown(['systems', i, 'owners', j], owner, 'team or person', ownerIds));
      });
    }
    if (!personIds) continue;
    for (const role of ['director', 'vp'] as const) {
      const id = system[role];
      if (id === undefined) continue;
      const person = peopleById.get(id);
      if (!person) issues.push(unknown(['systems', i, role], id, 'person', personIds));
      else if (person.ai) issues.push({ path: ['systems', i, role], message: `${quoteInput(id)} is an ai identity (\`ai: true\`) and can never sign off` });
    }
  }
  if (guardrails && ownerIds) {
    guardrails.owners.forEach((owner, j) => {
      if (!ownerIds.has(owner)) issues.push(unknown(['guardrails', 'owners', j], owner, 'team or person', ownerIds));
    });
  }
  if (sections.systems && systems.length === sections.systems.length) {
    const systemIds = new Set(systems.map(([s]) => s.id));
    for (const [freeze, i] of indexed(sections.freezes)) {
      freeze.scope.systems?.forEach((id, j) => {
        if (!systemIds.has(id)) issues.push(unknown(['freezes', i, 'scope', 'systems', j], id, 'system', systemIds));
      });
    }
  }
  return issues;
}

/** The valid items of a list with their original index (paths must point at the right item). */
function indexed<T>(items: readonly (T | undefined)[] | undefined): [T, number][] {
  return (items ?? []).flatMap((item, i) => (item === undefined ? [] : [[item, i] as [T, number]]));
}

interface Named {
  value: string;
  /** How to show the value when it was normalised for comparison. */
  shown?: string;
  path: CatalogPath;
}

/** One issue per repeat, pointing back at the first occurrence. */
function duplicates(items: Named[], what: string): CatalogIssue[] {
  const first = new Map<string, Named>();
  const issues: CatalogIssue[] = [];
  for (const item of items) {
    const earlier = first.get(item.value);
    if (earlier) {
      issues.push({ path: item.path, message: `duplicate ${what} ${quoteInput(item.shown ?? item.value)} (first used at ${formatCatalogPath(earlier.path)})` });
    } else {
      first.set(item.value, item);
    }
  }
  return issues;
}

function unknown(path: CatalogPath, id: string, what: string, known: ReadonlySet<string>): CatalogIssue {
  const suggestion = suggestKey(id, [...known]);
  const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  return { path, message: `unknown ${what} ${quoteInput(id)}${hint}` };
}
