/**
 * @module Hook mode: one payload on stdin, one decision out in the agent's own protocol.
 *
 * Fails closed in every protocol: unreadable input, a timeout or an internal error is answered
 * with the agent's way of saying "do not run it". Only the decision goes to stdout; it is written
 * before the decision is logged, and a failing log never changes it.
 */
import type { GuardDecision } from './guard-types.js';
import type { GuardLog } from './decision-log.js';
import type { AgentProtocol, HookAnswer, HookRequest } from './protocols/agent-protocol.js';
import { detectProtocol, protocolByName } from './protocols/detect-agent.js';
import { generic } from './protocols/generic.js';
import { readGuardContext } from './read-guard-context.js';
import { parsePayload, type StdinResult } from './read-stdin.js';
import { applyApprovals, decideWithFastPath } from './run-decision.js';
import type { ShellParser } from './shell/shell-syntax.js';

export interface GuardIo {
  /** Reads the whole hook payload. */
  readInput(): Promise<StdinResult>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now(): number;
  write(answer: HookAnswer): void;
  warn(message: string): void;
  loadFullParser(): Promise<ShellParser>;
  /** Opens the audit log for a repository; undefined when no store is configured. */
  openLog(repoRoot: string | undefined): Promise<GuardLog | undefined>;
}

export interface HookOptions {
  agent?: string;
  catalog?: string;
  timeoutMs: number;
}

/** Runs one hook call and returns the exit code. */
export async function runHook(options: HookOptions, io: GuardIo): Promise<number> {
  let protocol: AgentProtocol = generic;
  if (options.agent !== undefined) {
    const named = protocolByName(options.agent);
    if (!named) {
      io.write(generic.refuse(`unknown agent \`${options.agent}\``));
      return 2;
    }
    protocol = named;
  }
  let answered = false;
  const answer = (result: HookAnswer): number => {
    if (answered) return result.exitCode;
    answered = true;
    io.write(result);
    return result.exitCode;
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(answer(protocol.refuse(`the guard did not decide within ${options.timeoutMs} ms`))), options.timeoutMs);
  });
  const work = (async (): Promise<number> => {
    const input = await io.readInput();
    if ('error' in input) return answer(protocol.refuse(input.error));
    const parsed = parsePayload(input.text);
    if ('error' in parsed) return answer(protocol.refuse(parsed.error));
    if (options.agent === undefined) {
      const detected = detectProtocol(parsed.payload);
      if (!detected) {
        const keys = Object.keys(parsed.payload).slice(0, 8).map((key) => `\`${key}\``).join(', ');
        return answer(protocol.refuse(`the hook payload has a shape the guard does not know (keys ${keys || 'none'}); pass --agent NAME`));
      }
      protocol = detected;
    }
    const request = protocol.read(parsed.payload);
    if ('error' in request) return answer(protocol.refuse(request.error));
    const { decision, log, cwd, repoRoot } = await decide(request, options, io, protocol);
    const code = answer(protocol.answer(decision));
    await recordBounded(log ?? (() => io.openLog(repoRoot)), decision, request, protocol, cwd, io);
    return code;
  })().catch((error: unknown) => answer(protocol.refuse(`internal error: ${error instanceof Error ? error.message : String(error)}`)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Decided {
  decision: GuardDecision;
  /** The log, when it was opened to look for approvals. */
  log?: GuardLog | undefined;
  cwd: string;
  repoRoot?: string | undefined;
}

async function decide(request: HookRequest, options: HookOptions, io: GuardIo, protocol: AgentProtocol): Promise<Decided> {
  const cwd = request.cwd ?? io.cwd;
  const command = request.action.kind === 'shell' ? request.action.command : undefined;
  const gathered = await readGuardContext({
    cwd, workspaceRoots: request.workspaceRoots, env: io.env, now: io.now(),
    ...(command !== undefined ? { command } : {}),
    ...(options.catalog ? { catalogFile: options.catalog } : {}),
  });
  for (const warning of gathered.warnings) io.warn(warning);
  let decision = await decideWithFastPath(request.action, gathered.context, () => io.loadFullParser());
  if (decision.decision === 'allow') return { decision, cwd, repoRoot: gathered.repoRoot };
  const log = await io.openLog(gathered.repoRoot).catch((error: unknown) => {
    io.warn(`could not open the audit log: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  decision = await applyApprovals(decision, gathered.context, log, { agent: protocol.id, ...(request.sessionId ? { sessionId: request.sessionId } : {}) }, io.warn);
  return { decision, log, cwd, repoRoot: gathered.repoRoot };
}

const LOG_DEADLINE_MS = 3000;

/** Records the decision, giving up after a few seconds: the decision is already out. */
async function recordBounded(
  opened: GuardLog | (() => Promise<GuardLog | undefined>),
  decision: GuardDecision,
  request: HookRequest,
  protocol: AgentProtocol,
  cwd: string,
  io: GuardIo,
): Promise<void> {
  const subject = request.action.kind === 'shell' ? request.action.command : request.action.kind === 'file-write' ? `${request.action.tool} ${request.action.paths.join(' ')}` : request.action.tool;
  let log: GuardLog | undefined;
  const work = (async (): Promise<'done'> => {
    log = typeof opened === 'function' ? await opened() : opened;
    await log?.recordDecision({
      at: new Date(io.now()).toISOString(),
      agent: protocol.id,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
      cwd,
      tool: request.toolName,
      subject: subject.length > 2000 ? `${subject.slice(0, 2000)}…` : subject,
      digest: decision.digest,
      decision: decision.decision,
      reasons: decision.reasons,
      ...(decision.grant ? { approval: decision.grant.id } : {}),
    });
    await log?.settle();
    return 'done';
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), LOG_DEADLINE_MS);
  });
  try {
    if ((await Promise.race([work, deadline])) === 'late') io.warn('the audit log did not answer in time; the decision was not recorded');
  } catch (error) {
    io.warn(`could not record the decision: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
    await (log as GuardLog | undefined)?.close().catch(() => undefined);
  }
}
