/**
 * @module `tollgate guard --command "…" [--cwd DIR] [--format json|text]`: the guard for git hooks,
 * wrappers and CI. Exit 0 allow, 1 ask or deny, 2 bad input.
 */
import type { GuardDecision } from './guard-types.js';
import { formatGuardJson } from './protocols/generic.js';
import { readGuardContext } from './read-guard-context.js';
import { applyApprovals, decideWithFastPath } from './run-decision.js';
import type { GuardIo } from './run-hook.js';

export interface CommandCheckOptions {
  command: string;
  cwd?: string;
  format: 'json' | 'text';
  catalog?: string;
}

/** Decides on one command and prints the answer; returns the exit code. */
export async function runCommandCheck(options: CommandCheckOptions, io: GuardIo): Promise<number> {
  const cwd = options.cwd ?? io.cwd;
  const gathered = await readGuardContext({
    cwd, env: io.env, now: io.now(), command: options.command,
    ...(options.catalog ? { catalogFile: options.catalog } : {}),
  });
  for (const warning of gathered.warnings) io.warn(warning);
  const action = { kind: 'shell' as const, command: options.command };
  let decision = await decideWithFastPath(action, gathered.context, () => io.loadFullParser());
  const log = await io.openLog(gathered.repoRoot).catch((error: unknown) => {
    io.warn(`could not open the audit log: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  try {
    decision = await applyApprovals(decision, gathered.context, log, { agent: 'cli' }, io.warn);
    io.write({ stdout: options.format === 'json' ? formatGuardJson(decision) : formatGuardText(decision), stderr: '', exitCode: 0 });
    await log?.recordDecision({
      at: new Date(io.now()).toISOString(), agent: 'cli', cwd, tool: 'shell',
      subject: options.command.length > 2000 ? `${options.command.slice(0, 2000)}…` : options.command,
      digest: decision.digest, decision: decision.decision, reasons: decision.reasons,
      ...(decision.grant ? { approval: decision.grant.id } : {}),
    }).catch((error: unknown) => io.warn(`could not record the decision: ${error instanceof Error ? error.message : String(error)}`));
  } finally {
    await log?.close().catch(() => undefined);
  }
  return decision.decision === 'allow' ? 0 : 1;
}

/** The decision for people: the verdict, then one reason per line. */
export function formatGuardText(decision: GuardDecision): string {
  return `${decision.decision}\n${decision.reasons.map((reason) => `  - ${reason}`).join('\n')}\n`;
}
