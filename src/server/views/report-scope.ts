/**
 * @module Whose audit report: the whole organisation, one org, one system, or a director's/VP's systems.
 */
import type { Catalog } from '../../core/catalog/catalog-schema.js';

export type ReportScope =
  | { kind: 'all' }
  | { kind: 'org'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'person'; id: string };

export interface ResolvedScope {
  scope: ReportScope;
  /** For people: `Dana Brooks (director)`; for orgs and systems their name. */
  label: string;
  /** Ids of the systems in scope; undefined for `all` (everything, unclaimed files included). */
  systems?: Set<string>;
}

export type ParsedScope = { ok: true; resolved: ResolvedScope } | { ok: false; message: string };

/** Parses `all`, `org:ID`, `system:ID` or `person:ID` against the catalog. */
export function resolveReportScope(text: string, catalog: Catalog): ParsedScope {
  if (text === 'all' || text === '') return { ok: true, resolved: { scope: { kind: 'all' }, label: 'the whole organisation' } };
  const match = /^(org|system|person):(.+)$/.exec(text);
  if (!match) return { ok: false, message: `scope \`${text}\` is not \`all\`, \`org:ID\`, \`system:ID\` or \`person:ID\`` };
  const kind = match[1] as 'org' | 'system' | 'person';
  const id = match[2]!;
  if (kind === 'system') {
    const system = catalog.systems.find((s) => s.id === id);
    if (!system) return { ok: false, message: `no system \`${id}\` in the catalog` };
    return { ok: true, resolved: { scope: { kind, id }, label: `${system.name ?? system.id} (tier ${system.tier})`, systems: new Set([id]) } };
  }
  if (kind === 'org') {
    const systems = catalog.systems.filter((s) => s.org === id);
    if (systems.length === 0) return { ok: false, message: `no system belongs to org \`${id}\`` };
    return { ok: true, resolved: { scope: { kind, id }, label: `org ${id}`, systems: new Set(systems.map((s) => s.id)) } };
  }
  const person = catalog.people.find((p) => p.id === id);
  if (!person) return { ok: false, message: `no person \`${id}\` in the catalog` };
  const systems = catalog.systems.filter((s) => s.director === id || s.vp === id);
  if (systems.length === 0) return { ok: false, message: `\`${id}\` is not the director or vp of any system` };
  const role = systems.some((s) => s.vp === id) ? 'VP' : 'director';
  return { ok: true, resolved: { scope: { kind, id }, label: `${person.name ?? person.id} (${role})`, systems: new Set(systems.map((s) => s.id)) } };
}

/** True when a change or event touching `systems` is in scope. */
export function inScope(resolved: ResolvedScope, systems: readonly string[]): boolean {
  return resolved.systems === undefined || systems.some((id) => resolved.systems!.has(id));
}

/** The scopes offered in the report's picker: every org, director/VP and system. */
export function scopeChoices(catalog: Catalog): { value: string; label: string }[] {
  const orgs = [...new Set(catalog.systems.flatMap((s) => (s.org ? [s.org] : [])))].sort();
  const leaders = [...new Set(catalog.systems.flatMap((s) => [s.director, s.vp].filter((id): id is string => id !== undefined)))].sort();
  return [
    { value: 'all', label: 'Whole organisation' },
    ...orgs.map((org) => ({ value: `org:${org}`, label: `Org: ${org}` })),
    ...leaders.map((id) => ({ value: `person:${id}`, label: `Director/VP: ${catalog.people.find((p) => p.id === id)?.name ?? id}` })),
    ...catalog.systems.map((s) => ({ value: `system:${s.id}`, label: `System: ${s.name ?? s.id} (tier ${s.tier})` })),
  ];
}
