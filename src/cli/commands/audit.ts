/**
 * @module `tollgate audit`: the tamper-evident audit log — `verify`, `log`, `checkpoint`.
 */
import type { Command } from 'commander';
import { registerAuditCheckpoint } from '../audit/register-audit-checkpoint.js';
import { registerAuditLog } from '../audit/register-audit-log.js';
import { registerAuditVerify } from '../audit/register-audit-verify.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log: verify it, read it, checkpoint it');
  registerAuditVerify(audit);
  registerAuditLog(audit);
  registerAuditCheckpoint(audit);
}
