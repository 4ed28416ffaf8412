/**
 * @module Gemini CLI `BeforeTool` hooks.
 *
 * Payload: `session_id`, `cwd`, `hook_event_name: "BeforeTool"`, `tool_name` (`run_shell_command`,
 * `write_file`, `replace`, `mcp__server__tool`), `tool_input`. Answer `{"decision":"allow|deny","reason"}`
 * with exit 0; Gemini has no "ask", so an ask is a deny with the reason. Unreadable input exits 2
 * with the reason on stderr, which Gemini treats as a block.
 */
import { type AgentProtocol, askAsDeny, isObject, stringField, toolAction } from './agent-protocol.js';

export const gemini: AgentProtocol = {
  id: 'gemini',
  label: 'Gemini CLI',
  recognizes: (payload) => payload.hook_event_name === 'BeforeTool',
  read(payload) {
    const tool = stringField(payload, 'tool_name');
    if (!tool) return { error: 'payload has no `tool_name` string' };
    const input = payload.tool_input;
    if (input !== undefined && !isObject(input)) return { error: '`tool_input` is not an object' };
    const action = toolAction(tool, input, { shell: ['run_shell_command'], write: ['write_file', 'replace', 'edit'] });
    if ('error' in action) return action;
    const cwd = stringField(payload, 'cwd');
    const sessionId = stringField(payload, 'session_id');
    return { action, toolName: tool, workspaceRoots: [], ...(cwd ? { cwd } : {}), ...(sessionId ? { sessionId } : {}) };
  },
  answer(decision) {
    const body = decision.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: askAsDeny(decision, 'Gemini CLI') };
    return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
  },
  refuse: (message) => ({ stdout: '', stderr: `tollgate guard: ${message}\n`, exitCode: 2 }),
};
