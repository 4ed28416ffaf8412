/**
 * @module The shape every agent protocol adapter has: read the hook payload, answer a decision,
 * and refuse input it cannot read in a way the agent treats as "do not run".
 */
import type { AgentAction, GuardDecision } from '../guard-types.js';

export const AGENT_IDS = ['claude-code', 'codex', 'cursor', 'gemini', 'amazon-q', 'kiro', 'copilot', 'cline', 'generic'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

/** What the process prints and how it exits. */
export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A hook payload read into the guard's terms. */
export interface HookRequest {
  action: AgentAction;
  /** The directory the action runs in, when the agent says. */
  cwd?: string;
  workspaceRoots: string[];
  sessionId?: string;
  /** The agent's own name for the tool, for the log. */
  toolName: string;
}

export type PayloadObject = Record<string, unknown>;

export interface AgentProtocol {
  id: AgentId;
  /** The agent's name for people. */
  label: string;
  /** True when a payload has this agent's shape. */
  recognizes(payload: PayloadObject): boolean;
  /** Reads a payload; a message naming the field when it has the wrong shape. */
  read(payload: PayloadObject): HookRequest | { error: string };
  answer(decision: GuardDecision): HookAnswer;
  /** Refuses to let the action run because the input could not be judged (bad input, timeout, internal error). */
  refuse(message: string): HookAnswer;
}

/** One paragraph of reasons, for protocols with a single message field. */
export function reasonText(decision: GuardDecision): string {
  return decision.reasons.join(' ');
}

/** The reason an agent that cannot ask receives when the guard wanted a person. */
export function askAsDeny(decision: GuardDecision, agent: string): string {
  if (decision.decision !== 'ask') return reasonText(decision);
  return `${reasonText(decision)} ${agent} cannot ask a person from a hook, so the guard blocks it; a person can run it, or allow it once with \`tollgate guard approve\`.`;
}

export function isObject(value: unknown): value is PayloadObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(payload: PayloadObject, key: string): string | undefined {
  const value = payload[key];
  return typeof value === 'string' ? value : undefined;
}

/** Tool input that some agents send as a JSON string. */
export function objectOrJson(value: unknown): PayloadObject | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Maps a tool call onto an action, given the agent's names for its shell and file tools. */
export function toolAction(
  tool: string,
  input: PayloadObject | undefined,
  names: { shell: readonly string[]; write: readonly string[] },
): AgentAction | { error: string } {
  const lower = tool.toLowerCase();
  if (names.shell.some((name) => name.toLowerCase() === lower)) {
    const command = input?.command ?? input?.cmd;
    if (typeof command !== 'string') return { error: `\`${tool}\` payload has no \`command\` string in its tool input` };
    return { kind: 'shell', command };
  }
  if (names.write.some((name) => name.toLowerCase() === lower)) {
    const paths = writePaths(input);
    if (paths.length === 0) return { error: `\`${tool}\` payload names no file path in its tool input` };
    return { kind: 'file-write', tool, paths };
  }
  return { kind: 'tool', tool, input: input ?? {} };
}

function writePaths(input: PayloadObject | undefined): string[] {
  if (!input) return [];
  const paths = ['file_path', 'path', 'filePath', 'notebook_path', 'target_file', 'absolute_path']
    .map((key) => input[key])
    .filter((value): value is string => typeof value === 'string' && value !== '');
  const edits = input.edits;
  if (Array.isArray(edits)) for (const edit of edits) if (isObject(edit) && typeof edit.file_path === 'string') paths.push(edit.file_path);
  return [...new Set(paths)];
}

/** File paths an `apply_patch` body touches (`*** Update File: a.ts`, `*** Move to: b.ts`). */
export function patchPaths(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Add|Update|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm)].map((match) => (match[1] ?? match[2] ?? '').trim()).filter(Boolean);
}
