/**
 * @module GitHub Copilot CLI and coding agent `preToolUse` hooks.
 *
 * Payload: `sessionId`, `timestamp`, `cwd`, `toolName` (`bash`, `create`, `edit`, …) and `toolArgs`,
 * a JSON string. Answer `{"permissionDecision":"ask|deny","permissionDecisionReason":"…"}`; empty
 * output keeps Copilot's own behaviour for an allow. Copilot skips a hook that fails (non-zero exit,
 * timeout) and runs the tool, so even unreadable input is answered with a deny and exit 0.
 */
import { type AgentProtocol, objectOrJson, reasonText, stringField, toolAction } from './agent-protocol.js';

export const copilot: AgentProtocol = {
  id: 'copilot',
  label: 'GitHub Copilot',
  recognizes: (payload) => typeof payload.toolName === 'string' && 'toolArgs' in payload,
  read(payload) {
    const tool = stringField(payload, 'toolName');
    if (!tool) return { error: 'payload has no `toolName` string' };
    const input = objectOrJson(payload.toolArgs);
    if (payload.toolArgs !== undefined && payload.toolArgs !== null && !input) return { error: '`toolArgs` is not a JSON object (or a string holding one)' };
    const action = toolAction(tool, input, { shell: ['bash', 'powershell', 'shell'], write: ['create', 'edit', 'write'] });
    if ('error' in action) return action;
    const cwd = stringField(payload, 'cwd');
    const sessionId = stringField(payload, 'sessionId');
    return { action, toolName: tool, workspaceRoots: [], ...(cwd ? { cwd } : {}), ...(sessionId ? { sessionId } : {}) };
  },
  answer(decision) {
    if (decision.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    return { stdout: `${JSON.stringify({ permissionDecision: decision.decision, permissionDecisionReason: reasonText(decision) })}\n`, stderr: '', exitCode: 0 };
  },
  refuse: (message) => ({
    stdout: `${JSON.stringify({ permissionDecision: 'deny', permissionDecisionReason: `Tollgate guard could not judge this action (${message}), so it is blocked.` })}\n`,
    stderr: `tollgate guard: ${message}\n`,
    exitCode: 0,
  }),
};
