/**
 * @module The guard's decision: allow, ask a person, or deny an agent's action, and why.
 *
 * A pure function of the action and its context. It throws only on bugs (and when the context's
 * shell parser declines text it cannot read); adapters turn any exception into a deny.
 */
import type { AgentAction, GuardContext, GuardDecision, GuardFinding, GuardVerdict } from './guard-types.js';
import { judgeShell } from './judge-shell.js';
import { judgeFileWrite, judgeToolCall } from './judge-tool-call.js';
import { sha256Hex } from './sha256.js';
import { normalizeText } from './shell/decode-word.js';

const RANK: Record<GuardVerdict, number> = { allow: 0, ask: 1, deny: 2 };

/**
 * Decides on one action.
 *
 * @example
 * decideAction({ kind: 'shell', command: 'terraform destroy' }, context).decision // 'ask' (or 'deny' in production)
 */
export function decideAction(action: AgentAction, context: GuardContext): GuardDecision {
  const findings =
    action.kind === 'shell' ? judgeShell(action.command, context)
    : action.kind === 'file-write' ? judgeFileWrite(action.tool, action.paths, context)
    : judgeToolCall(action.tool, action.input, context);
  return combineFindings(findings, actionDigest(action), context);
}

/** The strictest verdict wins; a live one-time approval for this exact action turns it into allow. */
export function combineFindings(findings: GuardFinding[], digest: string, context: Pick<GuardContext, 'grants' | 'now'>): GuardDecision {
  const decision = findings.reduce<GuardVerdict>((worst, finding) => (RANK[finding.verdict] > RANK[worst] ? finding.verdict : worst), 'allow');
  const ordered = [...findings].sort((a, b) => RANK[b.verdict] - RANK[a.verdict]);
  const reasons = [...new Set(ordered.filter((finding) => finding.verdict !== 'allow' || decision === 'allow').map((finding) => finding.reason))];
  if (decision !== 'allow') {
    const grant = context.grants.find((candidate) => candidate.digest === digest && candidate.expiresAt > context.now && candidate.approvedAt <= context.now);
    if (grant) {
      const approved = new Date(grant.approvedAt).toISOString();
      return {
        decision: 'allow',
        reasons: [`Allowed once: ${grant.approvedBy} approved this exact command at ${approved} (approval ${grant.id}).`, ...reasons],
        findings,
        digest,
        grant,
      };
    }
  }
  return { decision, reasons: reasons.length > 0 ? reasons : ['Allowed: nothing destructive recognised.'], findings, digest };
}

/** The normalised text an approval binds to. */
export function normalizeCommand(command: string): string {
  return normalizeText(command.replace(/\r\n?/g, '\n')).trim();
}

/** A stable digest of an action: what `tollgate guard approve` binds a one-time approval to. */
export function actionDigest(action: AgentAction): string {
  const text =
    action.kind === 'shell' ? `shell\n${normalizeCommand(action.command)}`
    : action.kind === 'file-write' ? `file-write\n${action.tool}\n${action.paths.join('\n')}`
    : `tool\n${action.tool}\n${stableJson(action.input)}`;
  return sha256Hex(text);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
