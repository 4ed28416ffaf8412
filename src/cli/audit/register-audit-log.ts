/**
 * @module `tollgate audit log`: read the audit log, filtered, as text, JSON or CSV.
 */
import { Option, type Command } from 'commander';
import { parseDurationMinutes } from '../../app/parse-duration.js';
import { readClock } from '../../app/read-clock.js';
import { EXIT, UsageError } from '../cli-error.js';
import { formatAuditEventsCsv, formatAuditEventsText } from '../format/format-audit-events.js';
import { printJson, printRefusal } from '../print-outcome.js';
import { withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.audit-log/v1';

interface AuditLogFlags {
  since?: string;
  until?: string;
  system?: string;
  type?: string;
  actor?: string;
  subject?: string;
  afterSeq?: string;
  limit: string;
  format: 'text' | 'json' | 'csv';
}

export function registerAuditLog(audit: Command): void {
  audit
    .command('log')
    .description('list audit events in sequence order')
    .option('--since <time>', 'from this time: iso 8601 date or time, or a duration back from now (24h, 7d)')
    .option('--until <time>', 'before this time (same forms as --since)')
    .option('--system <id>', 'only events about this catalog system')
    .option('--type <type>', 'only events of this type, e.g. approval.recorded, deploy, break-glass')
    .option('--actor <person>', 'only events by this actor')
    .option('--subject <digest-or-sha>', 'only events about this change digest or commit sha')
    .option('--after-seq <n>', 'only events after this sequence number (paging)')
    .option('--limit <n>', 'at most this many events', '1000')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(async (flags: AuditLogFlags) => {
      const limit = positiveInt(flags.limit, '--limit');
      const afterSeq = flags.afterSeq === undefined ? undefined : positiveInt(flags.afterSeq, '--after-seq');
      const now = readClock().now;
      const since = flags.since === undefined ? undefined : parseTime(flags.since, '--since', now);
      const until = flags.until === undefined ? undefined : parseTime(flags.until, '--until', now);
      const format = flags.format === 'csv' ? 'text' : flags.format;
      await withGateway({ format }, { schema: SCHEMA, what: 'audit log', catalog: false }, async ({ gateway }) => {
        const answer = await gateway.auditEvents({
          limit,
          ...(afterSeq !== undefined ? { afterSeq } : {}),
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(flags.system ? { system: flags.system } : {}),
          ...(flags.type ? { types: [flags.type] } : {}),
          ...(flags.actor ? { actor: flags.actor } : {}),
          ...(flags.subject ? { subject: flags.subject } : {}),
        });
        if (!answer.ok) return printRefusal(answer, format, SCHEMA, 'audit log');
        if (flags.format === 'json') printJson(SCHEMA, { events: answer.value });
        else process.stdout.write(flags.format === 'csv' ? formatAuditEventsCsv(answer.value) : formatAuditEventsText(answer.value));
        process.exitCode = EXIT.pass;
      });
    });
}

function positiveInt(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || (flag === '--limit' && value === 0)) throw new UsageError(`\`${flag} ${text}\` is not a ${flag === '--limit' ? 'positive' : 'non-negative'} whole number`);
  return value;
}

/** An iso date (`2026-03-04`, midnight UTC), an iso time with a zone, or a duration back from `now`. */
function parseTime(text: string, flag: string, now: string): string {
  const minutes = parseDurationMinutes(text);
  if (minutes !== undefined) return new Date(Date.parse(now) - minutes * 60_000).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return `${text}T00:00:00.000Z`;
  if (/^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  throw new UsageError(`\`${flag} ${text}\`: give an iso 8601 date (2026-03-04), a time with a zone (2026-03-04T10:00:00Z), or a duration (24h, 7d)`);
}
