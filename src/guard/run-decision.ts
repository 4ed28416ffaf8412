/**
 * @module Runs a decision the cheap way first: plain commands are read by the fast lexer, and the
 * WebAssembly bash parser is loaded only when some shell text needs it. Then, for an ask or a deny,
 * looks for a person's one-time approval of exactly this action and uses it up.
 */
import { combineFindings, decideAction } from './decide-action.js';
import type { AgentAction, GuardContext, GuardDecision } from './guard-types.js';
import type { GuardLog } from './decision-log.js';
import { lexPlainCommand } from './shell/lex-plain-command.js';
import type { ShellParser, ShellScript } from './shell/shell-syntax.js';

class FullParserNeeded extends Error {
  override readonly name = 'FullParserNeeded';
}

const fastOnly: ShellParser = {
  parse(source: string): ShellScript {
    const script = lexPlainCommand(source);
    if (!script) throw new FullParserNeeded();
    return script;
  },
};

/** A parser that tries the fast lexer and falls back to `full`. */
export function withFastPath(full: ShellParser): ShellParser {
  return { parse: (source) => lexPlainCommand(source) ?? full.parse(source) };
}

/** Decides with the fast lexer, loading the full parser only if some shell text needs it. */
export async function decideWithFastPath(action: AgentAction, context: Omit<GuardContext, 'shell'>, loadFullParser: () => Promise<ShellParser>): Promise<GuardDecision> {
  try {
    return decideAction(action, { ...context, shell: fastOnly });
  } catch (error) {
    if (!(error instanceof FullParserNeeded)) throw error;
  }
  const full = await loadFullParser();
  return decideAction(action, { ...context, shell: withFastPath(full) });
}

/** Applies a live one-time approval to an ask or deny, using it up; a failing log never allows. */
export async function applyApprovals(
  decision: GuardDecision,
  context: Pick<GuardContext, 'now'>,
  log: GuardLog | undefined,
  use: { agent: string; sessionId?: string },
  warn: (message: string) => void,
): Promise<GuardDecision> {
  if (decision.decision === 'allow' || !log) return decision;
  try {
    const grants = await log.liveGrants(context.now);
    const approved = combineFindings(decision.findings, decision.digest, { grants, now: context.now });
    if (!approved.grant) return decision;
    const used = await log.consumeGrant(approved.grant, { ...use, at: new Date(context.now).toISOString() });
    return used ? approved : decision;
  } catch (error) {
    warn(`could not read approvals: ${error instanceof Error ? error.message : String(error)}`);
    return decision;
  }
}
