/**
 * @module Rule `custom-rules`: the catalog's own `rules.custom` patterns on added lines.
 *
 * Patterns are RE2 (re2js): matching time is linear in the line length, so no pattern, however
 * written, can hang a check on a 50,000-character line. Each finding carries the custom rule's id,
 * so it can be disabled, tuned and put in `evaluate` mode like a built-in rule.
 */
import { RE2JS } from 're2js';
import * as z from 'zod';
import type { CustomRule } from '../core/catalog/catalog-schema.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { compilePathGlobs, type PathMatcher } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import { prefilterOf, type LinePrefilter } from './regex-prefilter.js';

const ID = 'custom-rules';
const MAX_EVIDENCE = 120;

const settingsSchema = z.strictObject({
  /** Findings per custom rule; the rest are summed up in one finding. */
  maxFindingsPerRule: z.int().min(1).default(50),
});

/** A custom rule compiled once per evaluation, or why it could not be. */
export type CompiledCustomRule =
  | { rule: CustomRule; regex: RE2JS; mayMatch: LinePrefilter; paths: PathMatcher; error?: undefined }
  | { rule: CustomRule; error: string };

/** Compiles one `rules.custom` entry; a pattern RE2 rejects (backreferences, lookaround) comes back as `error`. */
export function compileCustomRule(rule: CustomRule): CompiledCustomRule {
  try {
    const regex = RE2JS.compile(rule.added);
    return { rule, regex, mayMatch: prefilterOf(regex) ?? (() => true), paths: compilePathGlobs(rule.paths) };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '');
    return { rule, error: `\`${rule.added}\` is not a valid linear-time (RE2) regex: ${reason}` };
  }
}

export const customRulesRule: BuiltinRule = {
  id: ID,
  description: "The catalog's `rules.custom` patterns (linear-time RE2) on added lines of matching paths",
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const disabled = new Set(input.catalog.rules.disable);
    const compiled = input.catalog.rules.custom.filter((rule) => !disabled.has(rule.id)).map(compileCustomRule);
    for (const entry of compiled) {
      if (entry.error !== undefined) {
        findings.push({
          rule: entry.rule.id,
          severity: 'high',
          message: `custom rule \`${entry.rule.id}\` cannot run: ${entry.error}`,
          remediation: 'fix `rules.custom[].added` in the catalog; until then this finding stands in for the rule',
        });
        continue;
      }
      const matches: Finding[] = [];
      for (const file of input.change.files) {
        if (file.binary || !entry.paths(file.path)) continue;
        for (const hunk of file.hunks) {
          for (const line of hunk.added) {
            if (!entry.mayMatch(line.text) || !entry.regex.test(line.text)) continue;
            const matched = String(entry.regex.exec(line.text)?.[0] ?? '');
            matches.push({
              rule: entry.rule.id,
              severity: entry.rule.severity,
              message: entry.rule.message,
              file: file.path,
              line: line.line,
              evidence: matched.length > MAX_EVIDENCE ? `${matched.slice(0, MAX_EVIDENCE - 1)}…` : matched,
              ...(entry.rule.remediation ? { remediation: entry.rule.remediation } : {}),
            });
          }
        }
      }
      findings.push(...matches.slice(0, settings.maxFindingsPerRule));
      if (matches.length > settings.maxFindingsPerRule) {
        findings.push({
          rule: entry.rule.id,
          severity: entry.rule.severity,
          message: `${entry.rule.message} (${matches.length - settings.maxFindingsPerRule} more matches not listed)`,
        });
      }
    }
    return findings;
  },
};
