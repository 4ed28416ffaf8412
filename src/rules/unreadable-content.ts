/**
 * @module Rule `unreadable-content`: content the other rules could not read gets a finding (fail toward friction).
 *
 * | content | severity |
 * |---|---|
 * | not UTF-8, lines too long, too large, or lines the reader did not keep — in a critical path or a SQL/Terraform file | high |
 * | the same anywhere else | medium |
 * | binary in a file that should be text (source, config, SQL, Terraform, scripts) | high |
 * | binary executables, archives, compiled code | medium |
 * | other binaries (images, fonts, media) in a critical path | medium |
 * | other binaries elsewhere, deleted files, and patch input that only lacks unchanged lines | none |
 */
import * as z from 'zod';
import type { ChangedFile, UnreadableReason } from '../core/change.js';
import type { Finding, Severity } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { compilePathGlobs, pathsOf } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import type { RuleInput } from './rule.js';

const ID = 'unreadable-content';

const settingsSchema = z.strictObject({
  /** Paths never reported, e.g. `assets/**`. */
  ignorePaths: z.array(z.string().min(1)).default([]),
});

const TEXT_EXTENSIONS = new Set(
  ('ts tsx js jsx mjs cjs mts cts py rb go java kt kts scala groovy cs fs php rs swift c h cc cpp hpp m mm ex exs erl clj lua pl r dart ' +
    'sh bash zsh fish ps1 bat cmd sql tf tfvars hcl json jsonc yaml yml toml ini cfg conf properties env xml html htm css scss less ' +
    'md mdx rst txt csv gradle vue svelte graphql proto').split(' '),
);
const TEXT_NAMES = new Set(['Dockerfile', 'Makefile', 'Jenkinsfile', 'CODEOWNERS', 'Gemfile', 'Rakefile', 'Procfile', '.env', '.gitignore']);
const OPAQUE_EXTENSIONS = new Set(
  'exe dll so dylib node jar war ear class zip tar gz tgz bz2 xz zst 7z rar whl egg bin wasm pyc pyo o a lib obj deb rpm apk ipa msi dmg iso img'.split(' '),
);
const ANALYSED_TEXT = /\.(?:sql|tf|tfvars|hcl)$|\.tf\.json$/;

/** Why the content could not be read; `incomplete` (a patch carries only changed lines) is absent: line rules saw every changed line. */
const PHRASE: Partial<Record<UnreadableReason, string>> = {
  binary: 'binary content',
  'not-utf8': 'not valid UTF-8',
  'line-too-long': 'lines too long to read',
  'too-large': 'too large to read',
};

export const unreadableContentRule: BuiltinRule = {
  id: ID,
  description: 'Content no rule could read (binary where text belongs, executables, not UTF-8, overlong lines, too large)',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const ignored = compilePathGlobs(settings.ignorePaths);
    for (const file of input.change.files) {
      if (file.status === 'deleted' || ignored(file.path)) continue;
      const reason: UnreadableReason | undefined = file.unreadable ?? (file.binary ? 'binary' : file.unstored ? 'line-too-long' : undefined);
      if (!reason || PHRASE[reason] === undefined) continue;
      const severity = reason === 'binary' ? binarySeverity(file, input) : textSeverity(file, input);
      if (!severity) continue;
      findings.push({
        rule: ID,
        severity,
        message: `rules could not read this file (${PHRASE[reason]}); it needs a human look`,
        file: file.path,
        ...(file.unstored ? { evidence: `${file.unstored.lines} changed lines were not kept for checking` } : {}),
        remediation:
          reason === 'binary'
            ? 'commit the source instead of the binary, or have a reviewer confirm where it comes from'
            : 'split long lines or re-encode the file as UTF-8 so the rules can check it, or have a reviewer read it',
      });
    }
    return findings;
  },
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
}

function isTextFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // `.env.production`, `prod.env.local`: environment files, whatever follows the `.env`.
  return TEXT_EXTENSIONS.has(extensionOf(path)) || TEXT_NAMES.has(name) || /(?:^|\.)env(?:\.|$)/.test(name);
}

function inCriticalPath(file: ChangedFile, input: RuleInput): boolean {
  return pathsOf(file).some((path) => input.systems.match(path).some((m) => m.critical));
}

function binarySeverity(file: ChangedFile, input: RuleInput): Severity | undefined {
  if (isTextFile(file.path)) return 'high';
  if (OPAQUE_EXTENSIONS.has(extensionOf(file.path))) return 'medium';
  return inCriticalPath(file, input) ? 'medium' : undefined;
}

function textSeverity(file: ChangedFile, input: RuleInput): Severity {
  const artifact = input.change.artifacts.some((a) => a.path === file.path);
  return artifact || ANALYSED_TEXT.test(file.path) || inCriticalPath(file, input) ? 'high' : 'medium';
}
