import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit/audit-event.js';
import { formatAuditEventsCsv, formatAuditEventsText } from './format-audit-events.js';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  seq: 7,
  at: '2026-03-04T10:00:00.000Z',
  actor: 'ben',
  type: 'approval.refused',
  subject: 'abcd',
  payload: { reason: 'say "no", twice', code: 'author' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  ...overrides,
});

describe('formatAuditEventsCsv', () => {
  it('writes the audit_events columns with the canonical payload, quoted per RFC 4180', () => {
    const [header, row, end] = formatAuditEventsCsv([event()]).split('\r\n');
    expect(header).toBe('seq,at,actor,type,subject,payload,prev_hash,hash');
    expect(row).toBe(`"7","2026-03-04T10:00:00.000Z","ben","approval.refused","abcd","{""code"":""author"",""reason"":""say \\""no\\"", twice""}","${'a'.repeat(64)}","${'b'.repeat(64)}"`);
    expect(end).toBe('');
  });

  it('keeps a spreadsheet from running an actor or subject as a formula', () => {
    // A refused `--as` is audited as given, so the actor is user input.
    const row = formatAuditEventsCsv([event({ actor: '=HYPERLINK("http://x")', subject: '+1' })]).split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(`"'+1"`);
  });
});

describe('formatAuditEventsText', () => {
  it('prints one line per event and says when nothing matched', () => {
    expect(formatAuditEventsText([event({ subject: '' })])).toBe('#7  2026-03-04T10:00:00.000Z  ben  approval.refused  -  {"code":"author","reason":"say \\"no\\", twice"}\n');
    expect(formatAuditEventsText([])).toBe('no audit events match\n');
  });
});
