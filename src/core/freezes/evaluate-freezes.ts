/**
 * @module Which change freezes are in force now, and which start soon, for the systems a change touches.
 */
import type { Freeze } from '../catalog/freezes-schema.js';
import { compileFreeze } from './compile-freeze.js';

/** What a freeze's scope is matched against: a touched system. */
export interface FreezeSystem {
  id: string;
  org?: string;
  tier: number;
}

/** One window of a freeze that covers some of the systems. */
export interface FreezeWindow {
  id: string;
  reason?: string;
  /** ISO 8601 instants; `until` is exclusive. */
  from: string;
  until: string;
  recurring: boolean;
  /** Ids of the given systems the freeze covers (all of them for an unscoped freeze). */
  systems: string[];
  /** Set when the freeze is malformed: it is then treated as in force (fail toward friction). */
  error?: string;
}

export interface FreezeEvaluation {
  /** Windows in force at `now`. */
  active: FreezeWindow[];
  /** Windows starting after `now` within the horizon (default 7 days). */
  upcoming: FreezeWindow[];
  /** One message per malformed freeze, naming its index, id and field. */
  errors: string[];
}

const DAY_MS = 86_400_000;

/**
 * Evaluates the catalog's freezes at `now` for `systems`.
 *
 * Scope: each listed dimension (`orgs`, `systems`, `tiers`) must match, so `{orgs: [retail],
 * tiers: [1]}` means the tier-1 systems of retail; an empty scope covers everything. A malformed
 * freeze is reported in `errors` and also listed as active for its scope, so a gate that only
 * looks at `active` still refuses.
 *
 * @example
 * evaluateFreezes(catalog.freezes, [{ id: 'checkout', tier: 1 }], '2026-11-27T17:00:00Z').active
 */
export function evaluateFreezes(
  freezes: readonly Freeze[],
  systems: readonly FreezeSystem[],
  now: string,
  options: { horizonDays?: number } = {},
): FreezeEvaluation {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`evaluateFreezes: \`${now}\` is not an iso 8601 time`);
  const horizon = nowMs + (options.horizonDays ?? 7) * DAY_MS;
  const result: FreezeEvaluation = { active: [], upcoming: [], errors: [] };
  freezes.forEach((freeze, index) => {
    const covered = coveredSystems(freeze, systems);
    if (covered === undefined) return;
    const compiled = compileFreeze(freeze, `freezes[${index}] (\`${freeze.id}\`)`);
    const base = { id: freeze.id, ...(freeze.reason ? { reason: freeze.reason } : {}), systems: covered };
    if (!compiled.ok) {
      result.errors.push(compiled.message);
      result.active.push({ ...base, from: now, until: now, recurring: false, error: compiled.message });
      return;
    }
    for (const window of compiled.compiled.windowsBetween(nowMs, horizon)) {
      const entry: FreezeWindow = {
        ...base,
        from: new Date(window.from).toISOString(),
        until: new Date(window.until).toISOString(),
        recurring: compiled.compiled.recurring,
      };
      if (window.from <= nowMs && nowMs < window.until) result.active.push(entry);
      else if (window.from > nowMs) result.upcoming.push(entry);
    }
  });
  result.upcoming.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
  return result;
}

/** The systems a freeze covers, or undefined when it covers none of them. */
function coveredSystems(freeze: Freeze, systems: readonly FreezeSystem[]): string[] | undefined {
  const { orgs, systems: ids, tiers } = freeze.scope;
  const unscoped = !orgs?.length && !ids?.length && !tiers?.length;
  if (unscoped) return systems.map((system) => system.id);
  const covered = systems
    .filter(
      (system) =>
        (!orgs?.length || (system.org !== undefined && orgs.includes(system.org))) &&
        (!ids?.length || ids.includes(system.id)) &&
        (!tiers?.length || tiers.includes(system.tier)),
    )
    .map((system) => system.id);
  return covered.length > 0 ? covered : undefined;
}

/** Every problem with the catalog's freezes, for the catalog loader to report up front. */
export function validateFreezes(freezes: readonly Freeze[]): string[] {
  const errors: string[] = [];
  freezes.forEach((freeze, index) => {
    const compiled = compileFreeze(freeze, `freezes[${index}] (\`${freeze.id}\`)`);
    if (!compiled.ok) errors.push(compiled.message);
  });
  return errors;
}
