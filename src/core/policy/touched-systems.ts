/**
 * @module Which systems a change touches, and which systems each finding concerns.
 */
import type { Change } from '../change.js';
import type { SystemIndex } from '../catalog/system-index.js';
import type { TouchedSystem } from '../evaluation.js';
import type { Finding } from '../finding.js';

/** Id of the pseudo-system that holds files no catalog system claims. */
export const UNCLAIMED_SYSTEM_ID = '(unclaimed)';

export interface SystemsOfChange {
  systems: TouchedSystem[];
  /** The ids of the systems a finding concerns (never empty). */
  systemsOfFinding(finding: Finding): string[];
}

/**
 * Groups the change's files by system. A path claimed by several systems belongs to all of them;
 * files no system claims form the `(unclaimed)` pseudo-system at the catalog's default tier.
 */
export function findTouchedSystems(change: Change, index: SystemIndex): SystemsOfChange {
  const touched = new Map<string, TouchedSystem>();
  const systemsOfPath = new Map<string, string[]>();
  for (const file of change.files) {
    const paths = file.oldPath && file.oldPath !== file.path ? [file.path, file.oldPath] : [file.path];
    const ids = new Set<string>();
    for (const path of paths) {
      const matches = index.match(path);
      if (matches.length === 0) {
        ids.add(UNCLAIMED_SYSTEM_ID);
        const entry = touched.get(UNCLAIMED_SYSTEM_ID) ?? unclaimedSystem(index.defaultTier);
        touched.set(UNCLAIMED_SYSTEM_ID, entry);
        continue;
      }
      for (const { system, critical } of matches) {
        ids.add(system.id);
        const entry =
          touched.get(system.id) ??
          ({
            id: system.id,
            name: system.name ?? system.id,
            tier: system.tier,
            ...(system.org ? { org: system.org } : {}),
            owners: system.owners,
            ...(system.director ? { director: system.director } : {}),
            ...(system.vp ? { vp: system.vp } : {}),
            files: 0,
            criticalPaths: [],
          } satisfies TouchedSystem);
        if (critical) {
          for (const glob of system.critical) if (!entry.criticalPaths.includes(glob) && index.isCritical(system.id, glob, path)) entry.criticalPaths.push(glob);
        }
        touched.set(system.id, entry);
      }
    }
    for (const id of ids) touched.get(id)!.files += 1;
    for (const path of paths) systemsOfPath.set(path, [...ids]);
  }
  const systems = [...touched.values()].sort((a, b) => a.tier - b.tier || a.id.localeCompare(b.id));
  const all = systems.map((system) => system.id);
  return {
    systems,
    systemsOfFinding(finding) {
      const own = finding.file ? systemsOfPath.get(finding.file) : undefined;
      if (own && own.length > 0) return own;
      // A finding about something outside the diff (a plan passed with --plan, the change as a whole)
      // concerns every system the change touches.
      return all.length > 0 ? all : [UNCLAIMED_SYSTEM_ID];
    },
  };
}

function unclaimedSystem(tier: 1 | 2 | 3): TouchedSystem {
  return { id: UNCLAIMED_SYSTEM_ID, name: 'files no system claims', tier, owners: [], files: 0, criticalPaths: [], unclaimed: true };
}
