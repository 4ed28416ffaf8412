/**
 * @module Amazon Q Developer CLI and Kiro CLI `preToolUse` hooks.
 *
 * Payload: `hook_event_name: "preToolUse"`, `cwd`, `tool_name` (`execute_bash`/`shell`, `fs_write`/`write`,
 * `use_aws`, `@server/tool`), `tool_input`. Exit 0 lets the tool run; exit 2 blocks it and hands
 * stderr to the model. Neither can ask a person, so an ask blocks too, with the reason.
 */
import { type AgentId, type AgentProtocol, askAsDeny, isObject, stringField, toolAction } from './agent-protocol.js';

function qFamily(id: AgentId, label: string): AgentProtocol {
  return {
    id,
    label,
    recognizes: (payload) => payload.hook_event_name === 'preToolUse' && typeof payload.tool_name === 'string' && !('conversation_id' in payload),
    read(payload) {
      const tool = stringField(payload, 'tool_name');
      if (!tool) return { error: 'payload has no `tool_name` string' };
      const input = payload.tool_input;
      if (input !== undefined && !isObject(input)) return { error: '`tool_input` is not an object' };
      const action = toolAction(tool, input, { shell: ['execute_bash', 'execute_cmd', 'shell'], write: ['fs_write', 'write'] });
      if ('error' in action) return action;
      const cwd = stringField(payload, 'cwd');
      return { action, toolName: tool, workspaceRoots: [], ...(cwd ? { cwd } : {}) };
    },
    answer(decision) {
      if (decision.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
      return { stdout: '', stderr: `${askAsDeny(decision, label)}\n`, exitCode: 2 };
    },
    refuse: (message) => ({ stdout: '', stderr: `Tollgate guard could not judge this action (${message}), so it is blocked.\n`, exitCode: 2 }),
  };
}

export const amazonQ = qFamily('amazon-q', 'Amazon Q Developer CLI');
export const kiro = qFamily('kiro', 'Kiro CLI');
