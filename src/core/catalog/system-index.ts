/**
 * @module Which catalog systems claim a path, with globs compiled once per catalog.
 */
import { compilePathGlobs, indexPathGlobs, type PathMatcher } from '../path-globs.js';
import type { Catalog, CatalogSystem, Tier } from './catalog-schema.js';

export interface SystemMatch {
  system: CatalogSystem;
  /** True when the path is inside one of the system's `critical` globs. */
  critical: boolean;
}

export interface SystemIndex {
  /** Every system that claims `path` (a path may belong to several). */
  match(path: string): SystemMatch[];
  /** The tier that applies to `path`: the strictest (lowest) of its systems, else the default tier. */
  tierOf(path: string): Tier;
  /** True when `path` matches the critical glob `glob` of system `systemId`. */
  isCritical(systemId: string, glob: string, path: string): boolean;
  readonly defaultTier: Tier;
}

/** Compiles the catalog's system globs into a matcher. Pure; safe to cache per catalog. */
export function buildSystemIndex(catalog: Catalog): SystemIndex {
  // All systems' paths in one index: a path costs a lookup per folder, not a test per system.
  const claiming = indexPathGlobs(catalog.systems.map((system) => system.paths));
  const inCritical = catalog.systems.map((system) => compilePathGlobs(system.critical));
  const defaultTier = catalog.defaults.tier;
  // Rules, routing and output all ask about the same paths: match each path once.
  const matches = new Map<string, SystemMatch[]>();
  const match = (path: string): SystemMatch[] => {
    let found = matches.get(path);
    if (!found) {
      found = claiming(path).map((index) => ({ system: catalog.systems[index]!, critical: inCritical[index]!(path) }));
      matches.set(path, found);
    }
    return found;
  };
  const criticalGlobs = new Map<string, PathMatcher>();
  return {
    defaultTier,
    match,
    isCritical(systemId, glob, path) {
      const key = `${systemId}\0${glob}`;
      let matcher = criticalGlobs.get(key);
      if (!matcher) criticalGlobs.set(key, (matcher = compilePathGlobs([glob])));
      return matcher(path);
    },
    tierOf(path) {
      const tiers = match(path).map((m) => m.system.tier);
      return tiers.length > 0 ? (Math.min(...tiers) as Tier) : defaultTier;
    },
  };
}
