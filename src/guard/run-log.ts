/**
 * @module `tollgate guard log [--limit N] [--format json|text]`: the guard's recent decisions.
 */
import { findRepoRoot } from './read-guard-context.js';
import type { GuardIo } from './run-hook.js';

/** Prints recent decisions; returns the exit code. */
export async function runLog(options: { limit: number; format: 'json' | 'text'; cwd?: string }, io: GuardIo & { out(text: string): void }): Promise<number> {
  const log = await io.openLog(findRepoRoot(options.cwd ?? io.cwd));
  if (!log) {
    io.warn('no audit log here: run this inside the repository, or set TOLLGATE_DATA_DIR or TOLLGATE_DATABASE_URL');
    return 2;
  }
  try {
    const records = await log.recentDecisions(options.limit);
    if (options.format === 'json') {
      io.out(`${JSON.stringify({ schema: 'tollgate.guard-log/v1', decisions: records })}\n`);
      return 0;
    }
    if (records.length === 0) io.out('No guard decisions recorded yet.\n');
    for (const record of records) {
      const subject = record.subject.replace(/\s+/g, ' ');
      io.out(`${record.at}  ${record.decision.padEnd(5)}  ${record.agent.padEnd(11)}  ${subject.length > 100 ? `${subject.slice(0, 100)}…` : subject}\n`);
      if (record.approval) io.out(`    allowed once by approval ${record.approval}\n`);
      else if (record.decision !== 'allow') io.out(`    ${record.reasons[0] ?? ''}\n`);
    }
    return 0;
  } finally {
    await log.close().catch(() => undefined);
  }
}
