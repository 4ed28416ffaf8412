/**
 * @module Rule `critical-path`: the change touches paths a system marks as `critical`.
 *
 * One finding per (system, critical glob), not per file, so a large change to a critical area
 * reads as one fact: "3 files under services/checkout/pricing/** (checkout, tier 1)".
 */
import * as z from 'zod';
import type { CatalogSystem } from '../core/catalog/catalog-schema.js';
import type { BuiltinRule } from './builtin-rule.js';
import { compilePathGlobs, pathsOf, type PathMatcher } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';

const ID = 'critical-path';
const EVIDENCE_FILES = 5;

const settingsSchema = z.strictObject({});

export const criticalPathRule: BuiltinRule = {
  id: ID,
  description: "Touches a system's `critical` paths (one finding per critical glob)",
  settingsSchema,
  evaluate(input) {
    const { findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const matchers = new Map<string, PathMatcher>();
    const globOf = (system: CatalogSystem, path: string): string =>
      system.critical.find((glob) => {
        const key = `${system.id}\0${glob}`;
        let matcher = matchers.get(key);
        if (!matcher) matchers.set(key, (matcher = compilePathGlobs([glob])));
        return matcher(path);
      }) ?? system.critical[0]!;
    const groups = new Map<string, { system: CatalogSystem; glob: string; files: string[] }>();
    for (const file of input.change.files) {
      const seen = new Set<string>();
      for (const path of pathsOf(file)) {
        for (const match of input.systems.match(path)) {
          if (!match.critical) continue;
          const glob = globOf(match.system, path);
          const key = `${match.system.id}\0${glob}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const group = groups.get(key) ?? { system: match.system, glob, files: [] };
          group.files.push(file.path);
          groups.set(key, group);
        }
      }
    }
    for (const { system, glob, files } of groups.values()) {
      findings.push({
        rule: ID,
        severity: 'medium',
        message: `${files.length} ${files.length === 1 ? 'file' : 'files'} under ${glob} (${system.id}, tier ${system.tier})`,
        file: files[0]!,
        evidence: files.slice(0, EVIDENCE_FILES).join(', ') + (files.length > EVIDENCE_FILES ? `, and ${files.length - EVIDENCE_FILES} more` : ''),
        remediation: `changes here need the care the ${system.id} owners ask for: small steps, tests and a rollback plan`,
      });
    }
    return findings;
  },
};
