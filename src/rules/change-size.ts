/**
 * @module Rule `change-size`: a change too large to review well for the strictest tier it touches.
 *
 * Counted: added + removed lines of every file except generated, lock and vendored files (their
 * size says nothing about review effort). The limit is the strictest touched tier's
 * `policy.tiers.<t>.maxChangedLines`, else this rule's `maxChangedLines.<t>` setting, else the default.
 */
import * as z from 'zod';
import type { Tier } from '../core/catalog/catalog-schema.js';
import type { BuiltinRule } from './builtin-rule.js';
import { compilePathGlobs, pathsOf } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';

const ID = 'change-size';

/** Default limits on added + removed lines, by tier. */
export const DEFAULT_MAX_CHANGED_LINES: Readonly<Record<Tier, number>> = { 1: 400, 2: 1000, 3: 4000 };

/** Files whose lines are not counted: lock files, generated code, build output, vendored dependencies. */
export const GENERATED_GLOBS: readonly string[] = [
  '**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lock', '**/bun.lockb',
  '**/*.lock', '**/*.lockfile', '**/packages.lock.json', '**/go.sum', '**/go.work.sum',
  '**/dist/**', '**/node_modules/**', '**/vendor/**', '**/third_party/**',
  '**/*.min.js', '**/*.min.css', '**/*.map', '**/*.snap', '**/__snapshots__/**',
  '**/*.pb.go', '**/*_pb2.py', '**/*_pb2_grpc.py', '**/*.generated.*', '**/__generated__/**', '**/*.g.dart',
];

const limit = z.int().min(1).optional();
const settingsSchema = z.strictObject({
  /** Limits by tier, used where the catalog's `policy.tiers.<t>.maxChangedLines` is not set. */
  maxChangedLines: z.strictObject({ 1: limit, 2: limit, 3: limit }).default({}),
  /** Over this many times the limit, the finding is `high` instead of `medium`. */
  highFactor: z.number().min(1).default(4),
  /** Extra globs of files not counted. */
  exclude: z.array(z.string().min(1)).default([]),
});

export const changeSizeRule: BuiltinRule = {
  id: ID,
  description: 'Changes larger than the limit for the strictest tier they touch (lock and generated files not counted)',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const excluded = compilePathGlobs([...GENERATED_GLOBS, ...settings.exclude]);
    let additions = 0;
    let deletions = 0;
    let skipped = 0;
    let tier: Tier | undefined;
    const sizes: { path: string; lines: number }[] = [];
    for (const file of input.change.files) {
      if (pathsOf(file).every((path) => excluded(path))) {
        skipped += file.additions + file.deletions;
        continue;
      }
      additions += file.additions;
      deletions += file.deletions;
      sizes.push({ path: file.path, lines: file.additions + file.deletions });
      for (const path of pathsOf(file)) {
        const t = input.systems.tierOf(path);
        if (tier === undefined || t < tier) tier = t;
      }
    }
    if (tier === undefined) return findings;
    const max = input.catalog.policy.tiers?.[tier]?.maxChangedLines ?? settings.maxChangedLines[tier] ?? DEFAULT_MAX_CHANGED_LINES[tier];
    const total = additions + deletions;
    if (total <= max) return findings;
    const largest = sizes.sort((a, b) => b.lines - a.lines).slice(0, 3);
    findings.push({
      rule: ID,
      severity: total > max * settings.highFactor ? 'high' : 'medium',
      message: `${total} changed lines (+${additions} −${deletions}) exceed the tier ${tier} limit of ${max}: split it into smaller changes`,
      evidence:
        `largest: ${largest.map((s) => `${s.path} (${s.lines})`).join(', ')}` + (skipped > 0 ? `; ${skipped} lines in lock/generated files not counted` : ''),
      remediation: 'split the change into steps that can each be reviewed and rolled back on their own',
    });
    return findings;
  },
};
