/**
 * @module Claude Code `PreToolUse` hooks.
 *
 * Payload: `session_id`, `cwd`, `permission_mode`, `hook_event_name: "PreToolUse"`, `tool_name`,
 * `tool_input`. Answer on stdout with exit 0:
 * `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask|deny","permissionDecisionReason":"…"}}`.
 * An allow prints nothing, so Claude Code's own permission rules still apply (a printed `allow`
 * would skip them). Exit 1 lets the tool run, so input the guard cannot read exits 2 with the
 * reason on stderr, which blocks the call.
 */
import type { GuardDecision } from '../guard-types.js';
import { type AgentProtocol, type HookAnswer, type HookRequest, isObject, type PayloadObject, reasonText, stringField, toolAction } from './agent-protocol.js';

export const CLAUDE_SHELL_TOOLS = ['Bash'];
export const CLAUDE_WRITE_TOOLS = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'];

/** Reads the Claude-compatible `PreToolUse` payload (Claude Code, and Codex with `turn_id`). */
export function readPreToolUse(payload: PayloadObject, extraWrite: readonly string[] = []): HookRequest | { error: string } {
  const tool = stringField(payload, 'tool_name');
  if (!tool) return { error: 'payload has no `tool_name` string' };
  const input = payload.tool_input;
  if (input !== undefined && !isObject(input)) return { error: '`tool_input` is not an object' };
  const action = toolAction(tool, input, { shell: CLAUDE_SHELL_TOOLS, write: [...CLAUDE_WRITE_TOOLS, ...extraWrite] });
  if ('error' in action) return action;
  const cwd = stringField(payload, 'cwd');
  const sessionId = stringField(payload, 'session_id');
  return { action, toolName: tool, workspaceRoots: [], ...(cwd ? { cwd } : {}), ...(sessionId ? { sessionId } : {}) };
}

export const claudeCode: AgentProtocol = {
  id: 'claude-code',
  label: 'Claude Code',
  recognizes: (payload) => payload.hook_event_name === 'PreToolUse' && typeof payload.tool_name === 'string' && !('turn_id' in payload),
  read: (payload) => readPreToolUse(payload),
  answer(decision: GuardDecision): HookAnswer {
    if (decision.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    const output = {
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision.decision, permissionDecisionReason: reasonText(decision) },
    };
    return { stdout: `${JSON.stringify(output)}\n`, stderr: '', exitCode: 0 };
  },
  refuse: (message) => ({ stdout: '', stderr: `tollgate guard: ${message}\n`, exitCode: 2 }),
};
