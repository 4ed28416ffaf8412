/**
 * @module Audit events as text lines for people and as CSV (RFC 4180) for spreadsheets and SIEM imports.
 */
import canonicalize from 'canonicalize';
import type { AuditEvent } from '../../core/audit/audit-event.js';
import { csvField } from '../../server/views/format-report-csv.js';

/** One line per event: seq, time, actor, type, subject, canonical payload. */
export function formatAuditEventsText(events: readonly AuditEvent[]): string {
  if (events.length === 0) return 'no audit events match\n';
  return events.map((event) => `#${event.seq}  ${event.at}  ${event.actor}  ${event.type}  ${event.subject || '-'}  ${canonicalize(event.payload) ?? '{}'}\n`).join('');
}

/** The columns of `audit_events`, so an export lines up with the table (docs/store.md). */
export function formatAuditEventsCsv(events: readonly AuditEvent[]): string {
  const lines = ['seq,at,actor,type,subject,payload,prev_hash,hash'];
  for (const event of events) {
    lines.push([event.seq, event.at, event.actor, event.type, event.subject, canonicalize(event.payload) ?? '{}', event.prevHash, event.hash].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
