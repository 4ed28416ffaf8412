/**
 * @module Rule `secrets`: credentials in added lines. The secret itself is never echoed.
 */
import * as z from 'zod';
import type { ChangedFile, DiffLine } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { HUNK_PRECHECKS } from './hunk-prechecks.js';
import { hunkAddedText } from './hunk-text.js';
import { compilePathGlobs } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import {
  BARE_ASSIGNMENT,
  BEARER_TOKEN,
  CONCATENATION,
  CREDENTIAL_NAME,
  QUOTED_ASSIGNMENT,
  SECRET_PATTERNS,
  joinLiterals,
  lineHints,
  looksRandom,
  redact,
  type SecretHint,
} from './secret-patterns.js';

const ID = 'secrets';

const settingsSchema = z.strictObject({
  /** Paths never scanned, e.g. test fixtures with fake keys. */
  ignorePaths: z.array(z.string().min(1)).default([]),
  /** Generic `name = "value"` credentials: the value's minimum length. */
  minLength: z.int().min(6).default(12),
  /** Generic credentials: minimum Shannon entropy (bits per character) of the value. */
  minEntropy: z.number().min(1).max(6).default(3.5),
});

/** Files where an unquoted `NAME=value` is a real assignment (not code). */
const CONFIG_FILE = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]*\.(?:env|properties|ini|cfg|conf|ya?ml|toml))$/i;

const REMEDIATION = 'remove it from the change (and from history), revoke and rotate it, then load it from a secret store or environment variable';

export const secretsRule: BuiltinRule = {
  id: ID,
  description: 'Private keys, cloud access keys, tokens and high-entropy credentials in added lines (never echoed)',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const ignored = compilePathGlobs(settings.ignorePaths);
    for (const file of input.change.files) {
      if (file.binary || ignored(file.path)) continue;
      const configFile = CONFIG_FILE.test(file.path);
      // Patterns already reported in this file: a key's END line is not a second key.
      const reported = new Set<string>();
      for (const hunk of file.hunks) {
        if (!HUNK_PRECHECKS.secrets(hunk)) continue;
        const text = hunkAddedText(hunk);
        // A key split into literals (`"AK" + "IA…"`, `["ghp_", "…"].join("")`) is one value at run time.
        const joined = CONCATENATION.test(text) ? joinLiterals(text) : undefined;
        for (const line of hunk.added) {
          const hints = lineHints(line.text);
          const found = hints ? scanLine(file, line, hints, configFile, settings, reported) : [];
          if (found.length === 0 && joined !== undefined && CONCATENATION.test(line.text)) {
            const whole = { line: line.line, text: joinLiterals(line.text) };
            const wholeHints = lineHints(whole.text);
            if (wholeHints) found.push(...scanLine(file, whole, wholeHints, configFile, settings, reported));
          }
          findings.push(...found);
        }
      }
    }
    return findings;
  },
};

function scanLine(
  file: ChangedFile,
  line: DiffLine,
  hints: Set<SecretHint>,
  configFile: boolean,
  settings: { minLength: number; minEntropy: number },
  reported: Set<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const pattern of SECRET_PATTERNS) {
    if (!hints.has(pattern.hint)) continue;
    const match = pattern.regex.exec(line.text);
    const value = match?.[1];
    if (value === undefined || pattern.ignore?.(value)) continue;
    if (reported.has(pattern.id) && pattern.continues?.(line.text, match!.index)) continue;
    reported.add(pattern.id);
    findings.push({
      rule: ID,
      severity: pattern.severity,
      message: `${pattern.label} in an added line`,
      file: file.path,
      line: line.line,
      evidence: pattern.evidence ? pattern.evidence(value, line.text, match!.index) : redact(value),
      remediation: REMEDIATION,
    });
  }
  if (findings.length > 0 || !hints.has('word')) return findings;
  const generic = findGenericCredential(line.text, configFile, settings);
  if (generic) {
    findings.push({
      rule: ID,
      severity: 'high',
      message: `high-entropy value assigned to \`${generic.name}\` in an added line`,
      file: file.path,
      line: line.line,
      evidence: redact(generic.value),
      remediation: REMEDIATION,
    });
  }
  return findings;
}

/** A credential-named assignment with a random-looking literal value, e.g. `api_key = "…"`. */
function findGenericCredential(text: string, configFile: boolean, settings: { minLength: number; minEntropy: number }): { name: string; value: string } | undefined {
  CREDENTIAL_NAME.lastIndex = 0;
  for (let name = CREDENTIAL_NAME.exec(text); name; name = CREDENTIAL_NAME.exec(text)) {
    const after = name.index + name[0].length;
    QUOTED_ASSIGNMENT.lastIndex = after;
    const quoted = QUOTED_ASSIGNMENT.exec(text);
    let value = quoted?.[2];
    if (value === undefined && configFile) {
      BARE_ASSIGNMENT.lastIndex = after;
      value = BARE_ASSIGNMENT.exec(text)?.[1];
    }
    if (value !== undefined && looksRandom(value, settings.minLength, settings.minEntropy)) {
      return { name: credentialName(text, name.index, after), value };
    }
  }
  const bearer = BEARER_TOKEN.exec(text)?.[1];
  if (bearer !== undefined && looksRandom(bearer, settings.minLength, settings.minEntropy)) return { name: 'Bearer', value: bearer };
  return undefined;
}

/** The whole identifier around the matched credential word, e.g. `STRIPE_API_KEY`. */
function credentialName(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && /[A-Za-z0-9_.-]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && /[A-Za-z0-9_.-]/.test(text[to]!)) to++;
  return text.slice(from, Math.min(to, from + 60));
}
