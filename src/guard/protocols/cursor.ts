/**
 * @module Cursor hooks: `beforeShellExecution` (`command`, `cwd`), `beforeMCPExecution`
 * (`tool_name`, `tool_input`), `beforeReadFile` and the generic `preToolUse`, all with
 * `workspace_roots`. Answer `{"permission":"allow|ask|deny","user_message","agent_message"}`.
 *
 * Some Cursor run modes ignore `ask`, so production verdicts are always `deny` (the guard never
 * asks about production). Unreadable input is answered `deny` with exit 2, which Cursor treats as a block.
 */
import type { GuardDecision } from '../guard-types.js';
import { type AgentProtocol, type HookRequest, objectOrJson, type PayloadObject, reasonText, stringField, toolAction } from './agent-protocol.js';

const EVENTS = ['beforeShellExecution', 'beforeMCPExecution', 'beforeReadFile', 'preToolUse'];

function read(payload: PayloadObject): HookRequest | { error: string } {
  const event = stringField(payload, 'hook_event_name');
  const roots = Array.isArray(payload.workspace_roots) ? payload.workspace_roots.filter((root): root is string => typeof root === 'string') : [];
  const cwd = stringField(payload, 'cwd') ?? roots[0];
  const sessionId = stringField(payload, 'conversation_id');
  const base = { workspaceRoots: roots, ...(cwd ? { cwd } : {}), ...(sessionId ? { sessionId } : {}) };
  if (event === 'beforeShellExecution') {
    const command = stringField(payload, 'command');
    if (command === undefined) return { error: '`beforeShellExecution` payload has no `command` string' };
    return { ...base, action: { kind: 'shell', command }, toolName: 'shell' };
  }
  if (event === 'beforeReadFile') return { ...base, action: { kind: 'tool', tool: 'read_file', input: {} }, toolName: 'read_file' };
  const tool = stringField(payload, 'tool_name');
  if (!tool) return { error: `\`${event ?? 'hook'}\` payload has no \`tool_name\` string` };
  const input = objectOrJson(payload.tool_input);
  if (event === 'beforeMCPExecution') return { ...base, action: { kind: 'tool', tool: `mcp:${tool}`, input: input ?? payload.tool_input ?? {} }, toolName: tool };
  const action = toolAction(tool, input, { shell: ['Shell', 'run_terminal_cmd', 'terminal'], write: ['Write', 'Edit', 'StrReplace', 'MultiEdit', 'Delete', 'edit_file'] });
  return 'error' in action ? action : { ...base, action, toolName: tool };
}

export const cursor: AgentProtocol = {
  id: 'cursor',
  label: 'Cursor',
  recognizes: (payload) =>
    EVENTS.includes(stringField(payload, 'hook_event_name') ?? '') &&
    ('workspace_roots' in payload || 'conversation_id' in payload || 'cursor_version' in payload),
  read,
  answer(decision: GuardDecision) {
    const message = reasonText(decision);
    const body = decision.decision === 'allow' ? { permission: 'allow' } : { permission: decision.decision, user_message: message, agent_message: message };
    return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
  },
  refuse(message) {
    const text = `Tollgate guard could not judge this action (${message}), so it is blocked.`;
    return { stdout: `${JSON.stringify({ permission: 'deny', user_message: text, agent_message: text })}\n`, stderr: `tollgate guard: ${message}\n`, exitCode: 2 };
  },
};

