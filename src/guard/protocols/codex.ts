/**
 * @module OpenAI Codex CLI `PreToolUse` hooks.
 *
 * The payload is Claude Code's plus `turn_id` (tools: `Bash`, `apply_patch`, `mcp__server__tool`).
 * Codex honours only a deny: `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"…"}}`
 * with exit 0, and fails open on anything else it does not support (`allow`, `ask`, extra fields).
 * So an ask is answered as a deny, an allow prints nothing, and unreadable input exits 2 with a reason
 * on stderr, which Codex also treats as a block.
 */
import { type AgentProtocol, askAsDeny, patchPaths, stringField } from './agent-protocol.js';
import { readPreToolUse } from './claude-code.js';

export const codex: AgentProtocol = {
  id: 'codex',
  label: 'Codex',
  recognizes: (payload) => payload.hook_event_name === 'PreToolUse' && typeof payload.tool_name === 'string' && 'turn_id' in payload,
  read(payload) {
    const tool = stringField(payload, 'tool_name');
    const input = payload.tool_input;
    if (tool === 'apply_patch' && typeof input === 'object' && input !== null && typeof (input as { command?: unknown }).command === 'string') {
      const paths = patchPaths((input as { command: string }).command);
      const cwd = stringField(payload, 'cwd');
      const sessionId = stringField(payload, 'session_id');
      return { action: { kind: 'file-write', tool, paths }, toolName: tool, workspaceRoots: [], ...(cwd ? { cwd } : {}), ...(sessionId ? { sessionId } : {}) };
    }
    return readPreToolUse(payload);
  },
  answer(decision) {
    if (decision.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    const output = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: askAsDeny(decision, 'Codex') } };
    return { stdout: `${JSON.stringify(output)}\n`, stderr: '', exitCode: 0 };
  },
  refuse: (message) => ({ stdout: '', stderr: `tollgate guard: ${message}\n`, exitCode: 2 }),
};
