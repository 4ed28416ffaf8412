/**
 * @module Decision scripts: approvals, sign-offs, rejections and withdrawals about exact content.
 */
import type { ApprovalKind, ApprovalRecord } from '../../core/approval.js';
import type { AuditFor, DecisionInput, DecisionKind, StoredDecision } from '../store.js';
import { appendEvents, type AuditSettings } from './audit-scripts.js';
import { all, first, placeholders, type Script } from './sql-script.js';

interface DecisionRow {
  id: number;
  digest: string;
  kind: DecisionKind;
  person: string;
  at: string;
  comment: string | null;
  role: string | null;
  signature: string | null;
  lineId: string;
}

const DECISION_COLUMNS = 'a.id, a.digest, a.kind, a.person, a.at, a.comment, a.role, a.signature, c.line_id AS "lineId"';

/** Appends a decision; the digest must be recorded. Must run inside `SqlDriver.write`. */
export function* appendDecision(decision: DecisionInput, audit: AuditFor<StoredDecision>, settings: AuditSettings): Script<StoredDecision> {
  const known = yield* first<{ digest: string }>('SELECT digest FROM changes WHERE digest = ?', [decision.digest]);
  if (!known) throw new Error(`cannot record a decision about unrecorded change \`${decision.digest}\``);
  const [row] = yield* all<{ id: number }>(
    'INSERT INTO approvals (digest, kind, person, at, comment, role, signature) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [decision.digest, decision.kind, decision.person, decision.at, decision.comment ?? null, decision.role ?? null, decision.signature ?? null],
  );
  const stored: StoredDecision = { ...decision, id: Number(row!.id) };
  yield* appendEvents(audit(stored), settings);
  return stored;
}

/** Decisions of every digest in the given lines, folded per line. */
export function* listDecisionsForLines(lineIds: readonly string[]): Script<Map<string, ApprovalRecord[]>> {
  const result = new Map<string, ApprovalRecord[]>(lineIds.map((id) => [id, []]));
  if (lineIds.length === 0) return result;
  const rows = yield* all<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM approvals a JOIN changes c ON c.digest = a.digest WHERE c.line_id IN ${placeholders(lineIds.length)} ORDER BY a.id`,
    lineIds,
  );
  const byLine = new Map<string, DecisionRow[]>();
  for (const row of rows) byLine.set(row.lineId, [...(byLine.get(row.lineId) ?? []), row]);
  for (const [lineId, lineRows] of byLine) result.set(lineId, foldDecisions(lineRows));
  return result;
}

/** Decisions about one digest (withdrawals anywhere in its line are applied). */
export function* listDecisions(digest: string): Script<ApprovalRecord[]> {
  const line = yield* first<{ lineId: string }>('SELECT line_id AS "lineId" FROM changes WHERE digest = ?', [digest]);
  if (!line) return [];
  const lines = yield* listDecisionsForLines([line.lineId]);
  return (lines.get(line.lineId) ?? []).filter((record) => record.digest === digest);
}

/**
 * Turns the append-only rows of one line into records: a `withdraw` marks the same person's earlier
 * rejections in the line as withdrawn and is not itself a record. Rows must be in id order.
 */
export function foldDecisions(rows: readonly Omit<DecisionRow, 'lineId'>[]): ApprovalRecord[] {
  const records: ApprovalRecord[] = [];
  for (const row of rows) {
    if (row.kind === 'withdraw') {
      for (const record of records) if (record.kind === 'reject' && record.person === row.person) record.withdrawn = true;
      continue;
    }
    records.push({
      kind: row.kind as ApprovalKind,
      person: row.person,
      digest: row.digest,
      at: row.at,
      ...(row.comment !== null ? { comment: row.comment } : {}),
      ...(row.role !== null ? { role: row.role } : {}),
      ...(row.signature !== null ? { signature: row.signature } : {}),
    });
  }
  return records;
}
