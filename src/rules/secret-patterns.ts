/**
 * @module Part of `secrets`: the formats of well-known credentials, and the heuristics for generic ones.
 *
 * Private keys are found as PEM text and base64-encoded (`base64-private-key.ts`). Token formats
 * follow each vendor's published prefixes (AWS key ids, GitHub `ghp_`/`github_pat_`,
 * Slack `xox?-`, Stripe `sk_live_`, Google `AIza`, OpenAI `T3BlbkFJ`, Anthropic `sk-ant-`, npm `npm_`).
 * Every pattern is linear: no nested quantifiers, bounded repetition after a literal anchor.
 */
import type { Severity } from '../core/finding.js';
import { BASE64_PRIVATE_KEY, base64PrivateKeyEvidence, isBase64KeyEnd } from './base64-private-key.js';

/** Which cheap pre-check a line must pass before a pattern runs on it (see `lineHints`). */
export type SecretHint = 'format' | 'url' | 'word';

/** One credential format; capture group 1 holds the value to redact. */
export interface SecretPattern {
  id: string;
  label: string;
  severity: Severity;
  hint: SecretHint;
  regex: RegExp;
  /** Values that look like the format but are documentation examples or placeholders. */
  ignore?: (value: string) => boolean;
  /**
   * What a finding shows when the match is not itself secret (a key's BEGIN line), given the
   * value, the line and where the match starts in it; every other value is shown redacted.
   */
  evidence?: (value: string, line: string, index: number) => string;
  /** True when the match only ends what an earlier one began (a key's END line): reported once per file. */
  continues?: (line: string, index: number) => boolean;
}

const isDocsExample = (value: string): boolean => /EXAMPLE|XXXXXXXX|0000000000/i.test(value);

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'private-key',
    hint: 'format',
    label: 'private key',
    severity: 'critical',
    regex: /(-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-\d: )/,
    evidence: (value) => value.trim(),
  },
  {
    id: 'private-key-base64',
    hint: 'format',
    label: 'base64-encoded private key',
    severity: 'critical',
    regex: BASE64_PRIVATE_KEY,
    evidence: (_value, line, index) => base64PrivateKeyEvidence(line, index),
    continues: isBase64KeyEnd,
  },
  { id: 'aws-access-key-id', hint: 'format', label: 'AWS access key id (long-lived)', severity: 'critical', regex: /\b((?:AKIA|ABIA|ACCA)[A-Z0-9]{16})\b/, ignore: isDocsExample },
  { id: 'aws-session-key-id', hint: 'format', label: 'AWS temporary access key id', severity: 'high', regex: /\b(ASIA[A-Z0-9]{16})\b/, ignore: isDocsExample },
  {
    id: 'aws-secret-access-key',
    hint: 'word',
    label: 'AWS secret access key',
    severity: 'critical',
    regex: /(?:aws_?)?secret_?access_?key["']?\s*(?::=|=>|[:=])\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/i,
    ignore: isDocsExample,
  },
  { id: 'azure-storage-key', hint: 'format', label: 'Azure storage account key', severity: 'critical', regex: /AccountKey=([A-Za-z0-9+/]{86}==)/ },
  { id: 'stripe-live-key', hint: 'format', label: 'Stripe live secret key', severity: 'critical', regex: /\b((?:sk|rk)_live_[A-Za-z0-9]{20,247})\b/ },
  { id: 'github-token', hint: 'format', label: 'GitHub token', severity: 'high', regex: /\b(gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{50,240})\b/ },
  { id: 'slack-token', hint: 'format', label: 'Slack token', severity: 'high', regex: /\b(xox[abposr]-[A-Za-z0-9-]{10,250})/ },
  { id: 'slack-webhook', hint: 'url', label: 'Slack incoming webhook URL', severity: 'high', regex: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{4,20}\/B[A-Z0-9]{4,20}\/[A-Za-z0-9]{8,40})/ },
  { id: 'google-api-key', hint: 'format', label: 'Google API key', severity: 'high', regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/ },
  { id: 'openai-key', hint: 'format', label: 'OpenAI API key', severity: 'high', regex: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{10,200}T3BlbkFJ[A-Za-z0-9_-]{10,200})/ },
  { id: 'anthropic-key', hint: 'format', label: 'Anthropic API key', severity: 'high', regex: /\b(sk-ant-[a-z]{3,6}\d{2}-[A-Za-z0-9_-]{40,200})/ },
  { id: 'npm-token', hint: 'format', label: 'npm access token', severity: 'high', regex: /\b(npm_[A-Za-z0-9]{36})\b/ },
  { id: 'jwt', hint: 'format', label: 'JSON Web Token', severity: 'high', regex: /\b(eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000})/ },
  {
    id: 'url-credentials',
    hint: 'url',
    label: 'password in a URL',
    severity: 'high',
    // The user may be empty: `redis://:password@host` is how Redis URLs carry a password.
    regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"]{0,100}:([^\s@/'"]{3,200})@[^\s/'"]/i,
    ignore: (value) => isPlaceholder(value),
  },
];

/**
 * Cheap pre-checks that let most lines skip every pattern. Each pattern needs its hint: a vendor
 * prefix (`format`), a URL (`url`) or a credential word (`word`). Three small regexes beat one
 * large case-insensitive alternation several times over on V8.
 */
const FORMAT_HINT_A = /A(?:KIA|SIA|BIA|CCA|Iza|ccountKey)/;
const FORMAT_HINT_B = /gh[pousr]_|github_pat_|xox[abposr]-|_live_|eyJ|PRIVATE KEY|PuTTY|sk-|npm_/;
// Grouped by first letter (`s(?:ecret|igning…)`): one branch tried per position, a third faster than the flat list.
const WORD_HINT_LOWER = /s(?:ecret|igning[_-]?key)|token|p(?:ass|wd|rivate_?key)|a(?:pi[_-]?key|pikey|ccess_?key)|encryption[_-]?key|master[_-]?key|credential|bearer/;
const WORD_HINT = new RegExp(WORD_HINT_LOWER.source, 'i');

/** The hints a line passes, or `undefined` when it can hold no secret any pattern knows. */
export function lineHints(text: string): Set<SecretHint> | undefined {
  let hints: Set<SecretHint> | undefined;
  if (FORMAT_HINT_A.test(text) || FORMAT_HINT_B.test(text) || BASE64_PRIVATE_KEY.test(text)) (hints ??= new Set()).add('format');
  if (text.includes('://')) (hints ??= new Set()).add('url');
  if (WORD_HINT.test(text)) (hints ??= new Set()).add('word');
  return hints;
}

/**
 * Whether any line of a text may pass `lineHints`, given the text and its lower-cased form (the
 * credential words are tested on that: several times faster than a case-insensitive test).
 */
function mayHoldSecret(text: string, lower: string): boolean {
  return FORMAT_HINT_A.test(text) || FORMAT_HINT_B.test(text) || BASE64_PRIVATE_KEY.test(text) || text.includes('://') || WORD_HINT_LOWER.test(lower);
}

/** String literals joined at run time: `"a" + "b"`, or an array of them joined with `.join("")`. */
export const CONCATENATION = /(['"`])\s*\+\s*['"`]|\.join\(\s*(['"`])\2\s*\)/;

/** `text` with the seams between joined literals removed, so the joined value reads as one string. */
export function joinLiterals(text: string): string {
  const joined = text.replace(/(['"`])\s*\+\s*\1/g, '');
  return /\.join\(\s*(['"`])\1\s*\)/.test(joined) ? joined.replace(/(['"`])\s*,\s*\1/g, '') : joined;
}

/**
 * Whether any line of a text may hold a secret a pattern knows, alone or once split literals are
 * joined (`"AK" + "IA…"`, `["ghp_", "…"].join("")` is one value at run time).
 */
export function mayHoldSecretOrJoined(text: string, lower: string): boolean {
  if (mayHoldSecret(text, lower)) return true;
  if (!CONCATENATION.test(text)) return false;
  const joined = joinLiterals(text);
  return mayHoldSecret(joined, joined.toLowerCase());
}

/**
 * Where a generic credential name starts in a line (`password`, `db_pass`, `passphrase`,
 * `api_key`, `x-api-key`, `client_secret`, `signing_key`, …).
 */
export const CREDENTIAL_NAME = /secret|token|passw(?:or)?d|passphrase|(?<![a-z])pass\b|pwd|api[_-]?key|apikey|access_?key|private_?key|(?:signing|encryption|master)[_-]?key|credential/gi;

/** After the credential name: the rest of the name, an assignment, and a quoted value (sticky). */
export const QUOTED_ASSIGNMENT = /[A-Za-z0-9_.-]{0,40}["']?\s{0,10}(?::=|=>|==|[:=])\s{0,10}(["'`])([^"'`\s]{8,200})\1/y;

/**
 * After the credential name in config files (`.env`, YAML, properties): an unquoted value, then the
 * end of the line or a comment (sticky). A `#` or `;` only starts a comment after a blank, as in
 * dotenv and YAML: inside a value it is part of it.
 */
export const BARE_ASSIGNMENT = /[A-Za-z0-9_.-]{0,40}\s{0,10}[:=]\s{0,10}([^\s"'`]{8,200})(?:\s+[#;].*)?\s*$/y;

/** `Authorization: Bearer <token>` with a literal token (placeholders and references are ignored later). */
export const BEARER_TOKEN = /\bbearer\s+([A-Za-z0-9._~+/-]{20,500}=*)/i;

/** Values that are obviously not real secrets: references, templates, masks and sample words. */
export function isPlaceholder(value: string): boolean {
  return (
    /^[$%]|^\{\{|^<.*>$|\$\{|\{\{|^\*+$|^x+$|^\.+$/i.test(value) ||
    /changeme|change_me|placeholder|example|dummy|sample|redacted|your[_-]?|insert[_-]?|replace[_-]?me|todo|fixme|xxxx|\*\*\*\*|test(?:ing)?[_-]?(?:key|token|secret|password)|^pass(?:word)?\d*$|^secret\d*$|^user(?:name)?$/i.test(value) ||
    /^(?:process\.env|os\.environ|env\.|ENV\[|getenv|secrets\.|vault:|arn:|ref\+|sm:\/\/)/i.test(value)
  );
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Whether a value assigned to a credential name looks like a real secret: not a placeholder, long
 * enough, letters and digits mixed, and random enough. Short strings cannot reach high entropy,
 * so the bar scales with length (`0.8 × log2(length)`), capped at `minEntropy`.
 */
export function looksRandom(value: string, minLength: number, minEntropy: number): boolean {
  if (value.length < minLength || isPlaceholder(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/^[a-z]+(?:[._-][a-z]+)*\d{0,4}$/i.test(value)) return false; // words, identifiers, `v2`
  const threshold = Math.min(minEntropy, 0.8 * Math.log2(value.length));
  return shannonEntropy(value) >= threshold;
}

/** Safe to print: the first 4 characters, an ellipsis and the length; never the secret itself. */
export function redact(value: string): string {
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}
