/**
 * @module The guard's audit events on their way to the store: one small file per event in
 * `.tollgate/guard-spool/`, moved into the hash-chained audit log by `drainGuardSpool`.
 *
 * Writing a file costs a fraction of a millisecond; opening the store costs a database driver.
 * The hook only ever writes files, so it stays fast, and nothing is lost: each file is claimed by
 * an atomic rename before it is appended, so two drains never append the same event.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEventInput } from '../../core/audit/audit-event.js';
import type { AuditLog } from '../../store/store.js';

export const SPOOL_DIR = 'guard-spool';
let sequence = 0;

/** Writes one event to the spool (atomically: a temporary file renamed into place). */
export function spoolEvent(dataDir: string, event: AuditEventInput): void {
  const dir = join(dataDir, SPOOL_DIR);
  mkdirSync(dir, { recursive: true });
  const ignore = join(dataDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Tollgate data and keys: never commit them.\n*\n');
  // Time, then a per-process counter, order the events; pid and a random suffix keep writers apart.
  sequence += 1;
  const name = `${Date.now().toString().padStart(15, '0')}-${String(sequence).padStart(6, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(event));
  renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.json`));
}

/** How many events wait in the spool. */
export function spooledCount(dataDir: string): number {
  try {
    return readdirSync(join(dataDir, SPOOL_DIR)).filter((name) => name.endsWith('.json')).length;
  } catch {
    return 0;
  }
}

/** Moves every spooled event into the audit log, oldest first; returns how many it moved. */
export async function drainGuardSpool(dataDir: string, audit: Pick<AuditLog, 'append'>): Promise<number> {
  const dir = join(dataDir, SPOOL_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return 0;
  }
  let moved = 0;
  for (const name of names) {
    const claimed = join(dir, `${name}.claimed-${process.pid}`);
    try {
      // INVARIANT: rename is atomic, so exactly one drain claims each file.
      renameSync(join(dir, name), claimed);
    } catch {
      continue;
    }
    let event: AuditEventInput | undefined;
    try {
      event = JSON.parse(readFileSync(claimed, 'utf8')) as AuditEventInput;
    } catch {
      // A file that is not an event is dropped rather than blocking the rest.
    }
    if (event) {
      try {
        await audit.append(event);
      } catch (error) {
        renameSync(claimed, join(dir, name));
        throw error;
      }
      moved += 1;
    }
    rmSync(claimed, { force: true });
  }
  return moved;
}
