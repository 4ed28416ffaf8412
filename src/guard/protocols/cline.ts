/**
 * @module Cline `PreToolUse` hooks (an executable named `PreToolUse` in `.clinerules/hooks/`).
 *
 * Payload: `clineVersion`, `hookName: "PreToolUse"`, `taskId`, `workspaceRoots`,
 * `preToolUse: { toolName, parameters }`. Answer `{"cancel":true,"errorMessage":"…"}` to block,
 * `{"cancel":false}` to let it run. Cline has no "ask": an ask cancels with the reason. Cline also
 * blocks on a non-zero exit, so unreadable input answers a cancel and exits 2.
 */
import { type AgentProtocol, askAsDeny, isObject, objectOrJson, stringField, toolAction } from './agent-protocol.js';

export const cline: AgentProtocol = {
  id: 'cline',
  label: 'Cline',
  recognizes: (payload) => payload.hookName === 'PreToolUse' && isObject(payload.preToolUse),
  read(payload) {
    const hook = payload.preToolUse;
    if (!isObject(hook)) return { error: 'payload has no `preToolUse` object' };
    const tool = stringField(hook, 'toolName');
    if (!tool) return { error: '`preToolUse.toolName` is not a string' };
    const parameters = objectOrJson(hook.parameters);
    const roots = Array.isArray(payload.workspaceRoots) ? payload.workspaceRoots.filter((root): root is string => typeof root === 'string') : [];
    let action = toolAction(tool, parameters, { shell: ['execute_command'], write: ['write_to_file', 'replace_in_file', 'new_rule'] });
    if (!('error' in action) && action.kind === 'tool' && tool === 'use_mcp_tool' && parameters) {
      const name = `${stringField(parameters, 'server_name') ?? 'mcp'}/${stringField(parameters, 'tool_name') ?? 'tool'}`;
      action = { kind: 'tool', tool: name, input: objectOrJson(parameters.arguments) ?? parameters.arguments ?? {} };
    }
    if ('error' in action) return action;
    const taskId = stringField(payload, 'taskId');
    return { action, toolName: tool, workspaceRoots: roots, ...(roots[0] ? { cwd: roots[0] } : {}), ...(taskId ? { sessionId: taskId } : {}) };
  },
  answer(decision) {
    const body = decision.decision === 'allow' ? { cancel: false } : { cancel: true, errorMessage: askAsDeny(decision, 'Cline') };
    return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
  },
  refuse: (message) => ({
    stdout: `${JSON.stringify({ cancel: true, errorMessage: `Tollgate guard could not judge this action (${message}), so it is blocked.` })}\n`,
    stderr: `tollgate guard: ${message}\n`,
    exitCode: 2,
  }),
};
