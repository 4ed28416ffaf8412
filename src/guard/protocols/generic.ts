/**
 * @module The generic hook form for wrappers and agents without a protocol of their own:
 * `{"command":"…","cwd":"…"}` or `{"tool":"…","input":{…}}` in, the `tollgate.guard/v1` JSON out,
 * exit 0 for allow, 1 for ask or deny, 2 for input the guard cannot read.
 */
import type { GuardDecision } from '../guard-types.js';
import { type AgentProtocol, isObject, stringField } from './agent-protocol.js';

/** The versioned JSON answer shared by `--command` and the generic hook form. */
export function formatGuardJson(decision: GuardDecision): string {
  return `${JSON.stringify({
    schema: 'tollgate.guard/v1',
    decision: decision.decision,
    reasons: decision.reasons,
    actions: decision.findings.map((finding) => ({
      rule: finding.rule,
      subject: finding.subject,
      decision: finding.verdict,
      ...(finding.environment ? { environment: finding.environment } : {}),
      reason: finding.reason,
    })),
    digest: decision.digest,
    ...(decision.grant ? { approval: decision.grant.id } : {}),
  })}\n`;
}

export const generic: AgentProtocol = {
  id: 'generic',
  label: 'generic',
  recognizes: (payload) => typeof payload.command === 'string' || typeof payload.tool === 'string',
  read(payload) {
    const cwd = stringField(payload, 'cwd');
    const roots = Array.isArray(payload.workspace_roots) ? payload.workspace_roots.filter((root): root is string => typeof root === 'string') : [];
    const base = { workspaceRoots: roots, ...(cwd ? { cwd } : {}), ...(stringField(payload, 'session_id') ? { sessionId: stringField(payload, 'session_id') as string } : {}) };
    const command = stringField(payload, 'command');
    if (command !== undefined) return { ...base, action: { kind: 'shell', command }, toolName: 'shell' };
    const tool = stringField(payload, 'tool');
    if (!tool) return { error: 'payload has neither a `command` string nor a `tool` string' };
    const paths = payload.paths;
    if (Array.isArray(paths) && paths.every((path) => typeof path === 'string')) return { ...base, action: { kind: 'file-write', tool, paths: paths as string[] }, toolName: tool };
    return { ...base, action: { kind: 'tool', tool, input: isObject(payload.input) ? payload.input : {} }, toolName: tool };
  },
  answer(decision) {
    return { stdout: formatGuardJson(decision), stderr: '', exitCode: decision.decision === 'allow' ? 0 : 1 };
  },
  refuse: (message) => ({
    stdout: `${JSON.stringify({ schema: 'tollgate.guard/v1', decision: 'deny', reasons: [`bad input: ${message}`], actions: [] })}\n`,
    stderr: `tollgate guard: ${message}\n`,
    exitCode: 2,
  }),
};
