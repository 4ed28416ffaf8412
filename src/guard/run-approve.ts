/**
 * @module `tollgate guard approve`: a person, at their own terminal, allows one exact command once.
 *
 * The approval is bound to the digest of the normalised command, lasts five minutes and is used
 * up by the first matching hook call; issuing and using it are both audit events. It needs an
 * interactive terminal and a typed "yes": an agent's shell tool has neither, and the guard denies
 * the agent running `tollgate guard approve` in any case. No flag or variable skips this.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { GuardGrant } from './guard-types.js';
import { GRANT_LIFETIME_MS } from './decision-log.js';
import { readGuardContext } from './read-guard-context.js';
import { decideWithFastPath } from './run-decision.js';
import type { GuardIo } from './run-hook.js';

export interface ApproveIo extends GuardIo {
  /** True when stdin and stdout are a terminal. */
  interactive: boolean;
  prompt(question: string): Promise<string>;
  out(text: string): void;
}

/** Runs the approval dialogue; returns the exit code. */
export async function runApprove(options: { command?: string; cwd?: string }, io: ApproveIo): Promise<number> {
  if (!io.interactive) {
    io.warn('approve needs a person at a terminal: run `tollgate guard approve` in your own terminal, not through an agent');
    return 2;
  }
  const cwd = options.cwd ?? io.cwd;
  const gathered = await readGuardContext({ cwd, env: io.env, now: io.now(), ...(options.command ? { command: options.command } : {}) });
  const log = await io.openLog(gathered.repoRoot);
  if (!log) {
    io.warn('no audit log to record the approval in: run this inside the repository, or set TOLLGATE_DATA_DIR or TOLLGATE_DATABASE_URL');
    return 2;
  }
  try {
    let digest: string;
    let subject: string;
    let reasons: string[];
    if (options.command !== undefined) {
      const decision = await decideWithFastPath({ kind: 'shell', command: options.command }, gathered.context, () => io.loadFullParser());
      if (decision.decision === 'allow') {
        io.out('The guard already allows this command; there is nothing to approve.\n');
        return 0;
      }
      ({ digest, reasons } = decision);
      subject = options.command;
    } else {
      const latest = (await log.recentDecisions(200)).filter((record) => record.decision !== 'allow').pop();
      if (!latest) {
        io.warn('no asked or denied action to approve; pass --command "…"');
        return 2;
      }
      ({ digest, reasons, subject } = latest);
      io.out(`Most recent action the guard stopped (${latest.agent}, ${latest.at}):\n`);
    }
    io.out(`\n  ${subject}\n\n${reasons.map((reason) => `  - ${reason}`).join('\n')}\n\n`);
    const reply = await io.prompt('Allow this exact command once, within the next 5 minutes? Type "yes" to approve: ');
    if (reply.trim().toLowerCase() !== 'yes') {
      io.out('Not approved.\n');
      return 1;
    }
    const now = io.now();
    const grant: GuardGrant = { id: newGrantId(), digest, approvedBy: userInfo().username, approvedAt: now, expiresAt: now + GRANT_LIFETIME_MS };
    await log.recordGrant(grant, subject.length > 2000 ? `${subject.slice(0, 2000)}…` : subject);
    io.out(`Approved once: ${grant.id}, until ${new Date(grant.expiresAt).toLocaleTimeString()}. Ask the agent to run exactly the same command again.\n`);
    return 0;
  } finally {
    await log.close().catch(() => undefined);
  }
}

/** A short random id people can read out: `TG-7K3Q-M2XD`. */
export function newGrantId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `TG-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
