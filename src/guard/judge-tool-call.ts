/**
 * @module Judges tool calls other than the shell: file writes to protected paths, and MCP or cloud
 * API tools whose names or arguments say delete, destroy or drop.
 */
import { posix } from 'node:path';
import type { EnvironmentMarker } from './environment/classify-environment.js';
import type { GuardContext, GuardFinding } from './guard-types.js';
import { judgeHit } from './judge-hit.js';
import { judgeShell } from './judge-shell.js';
import { matchProtectedPath } from './paths/protected-paths.js';
import { findDestructiveSql } from '../analyzers/find-destructive-sql.js';

const DESTRUCTIVE_VERBS = new Set(['delete', 'destroy', 'drop', 'remove', 'rm', 'terminate', 'purge', 'truncate', 'wipe', 'erase', 'flush', 'nuke', 'deregister', 'uninstall', 'reset', 'teardown']);
const SELECTING_KEY = /(^|_)(env|environment|stage|profile|context|kube_?context|project|stack|cluster|workspace|account|subscription|host|hostname|database|db|connection|url|dsn)$/i;
const SHELL_KEY = /^(command|cmd|script|shell_command|commandline|command_line)$/i;
/** A verb glued to what it acts on, as tool names spell it: `flushall`, `flushdb`, `droptable`, `bulkdelete`. */
const GLUED_VERB = /^(?:bulk|batch|mass|force)?(delete|destroy|drop|remove|purge|truncate|wipe|erase|flush|nuke)(?:all|db|dbs|database|databases|table|tables|bucket|buckets|everything|index|indices|collection|collections|keys)?$/;
/** How much of a tool's input is read: beyond it, the input is not judged but left to a person. */
const MAX_STRINGS = 5000;
const MAX_DEPTH = 32;

/** Findings for a file write or edit by a non-shell tool. */
export function judgeFileWrite(tool: string, paths: readonly string[], context: GuardContext): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const path of paths) {
    const absolute = posix.resolve(context.cwd, path);
    const rule = matchProtectedPath(absolute, context);
    if (!rule) continue;
    const shown = displayPath(absolute, context);
    const verb = rule.verdict === 'deny' ? 'Denied' : 'Needs a person';
    findings.push({ rule: 'protected-path', subject: `${tool} ${shown}`, verdict: rule.verdict, reason: `${verb}: \`${tool}\` writes \`${shown}\`, which ${rule.reason}.` });
  }
  return findings;
}

/** Findings for an MCP or other tool call. */
export function judgeToolCall(tool: string, input: unknown, context: GuardContext): GuardFinding[] {
  const findings: GuardFinding[] = [];
  const read = { truncated: false };
  const strings = flattenStrings(input, read);
  if (read.truncated) {
    findings.push({
      rule: 'tool-input-unread',
      subject: tool,
      verdict: 'ask',
      reason: `Needs a person: the input of \`${tool}\` is too large or too deeply nested for the guard to read in full (over ${MAX_STRINGS} values or ${MAX_DEPTH} levels).`,
    });
  }
  for (const entry of strings) {
    if (SHELL_KEY.test(entry.key)) findings.push(...judgeShell(entry.value, context));
  }
  const nameWords = words(tool);
  const verbInName = nameWords.map(destructiveVerb).find((verb) => verb !== undefined);
  const verbInArgs = strings
    .filter((entry) => /^(action|operation|operation_name|method|verb|op|mode|type)$/i.test(entry.key))
    .flatMap((entry) => words(entry.value))
    .find((word) => DESTRUCTIVE_VERBS.has(word));
  const markers: EnvironmentMarker[] = strings.map((entry) => ({
    value: entry.value.length > 200 ? entry.value.slice(0, 200) : entry.value,
    kind: /host|url|dsn|connection/i.test(entry.key) ? 'databaseHost' : /profile/i.test(entry.key) ? 'awsProfile' : /context/i.test(entry.key) ? 'kubeContext' : 'name',
    source: `the argument \`${entry.key}\``,
    selectsTarget: SELECTING_KEY.test(entry.key),
  }));
  const subject = { text: tool, argv: [], assignments: [], outer: [] };
  const verb = verbInName ?? verbInArgs;
  if (verb) {
    findings.push(judgeHit({ rule: `tool-${verb}`, kind: 'destructive', what: `the tool \`${tool}\` would ${verb} something`, family: 'cloud', markers }, subject, context));
  }
  for (const entry of strings) {
    for (const statement of findDestructiveSql(entry.value)) {
      findings.push(judgeHit({ rule: 'sql-destructive', kind: 'destructive', what: `the tool \`${tool}\` ${statement.what}: \`${statement.statement}\``, family: 'database', markers }, subject, context));
    }
  }
  return findings;
}

interface StringEntry {
  key: string;
  value: string;
}

/**
 * Every string, number and boolean in `input` with the key it sits under, shallowest first (so a
 * long array cannot crowd out the keys beside it); `read.truncated` when some were left out.
 */
function flattenStrings(input: unknown, read: { truncated: boolean }): StringEntry[] {
  const out: StringEntry[] = [];
  const queue: { value: unknown; key: string; depth: number }[] = [{ value: input, key: '', depth: 0 }];
  for (let next = 0; next < queue.length; next++) {
    const { value, key, depth } = queue[next]!;
    if (typeof value === 'string') out.push({ key, value });
    else if (typeof value === 'number' || typeof value === 'boolean') out.push({ key, value: String(value) });
    else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        read.truncated = true;
        continue;
      }
      const children = Array.isArray(value) ? value.map((item) => [key, item] as const) : Object.entries(value);
      for (const [childKey, child] of children) queue.push({ value: child, key: childKey, depth: depth + 1 });
    }
    if (out.length >= MAX_STRINGS || queue.length > MAX_STRINGS * 4) {
      read.truncated = next < queue.length - 1 || read.truncated;
      break;
    }
  }
  return out;
}

/** The destructive verb a word of a tool name is or contains (`flush` for `flushall`). */
function destructiveVerb(word: string): string | undefined {
  if (DESTRUCTIVE_VERBS.has(word)) return word;
  return GLUED_VERB.exec(word)?.[1];
}

/** Splits `deleteTable`, `drop_database`, `mcp__db__delete-row` into lower-case words. */
function words(text: string): string[] {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function displayPath(path: string, context: GuardContext): string {
  for (const root of context.workspaceRoots) if (path.startsWith(`${root}/`)) return path.slice(root.length + 1);
  return path;
}
