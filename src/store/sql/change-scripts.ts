/**
 * @module Change scripts: record evaluated changes, find them, and keep each line's current content.
 *
 * A *line* is one piece of work across pushes (a branch, a pull request). Recording new content
 * of a line supersedes the line's current change; approvals of superseded content are stale.
 * Two changes belong to one line when they share `lineKey`, or — when their line keys do not
 * differ — when one contains the other's first commit (by sha, or by patch id after a rebase).
 * See docs/store.md.
 */
import canonicalize from 'canonicalize';
import type { ChangeEvaluation } from '../../core/evaluation.js';
import type { AuditFor, CommitRef, FindChangeResult, RecordChangeInput, RecordChangeOutcome, RecordChangeRefusal, StoredChange } from '../store.js';
import { appendEvents, type AuditSettings } from './audit-scripts.js';
import { all, first, placeholders, run, type Script, type SqlParam } from './sql-script.js';

interface ChangeRow {
  digest: string;
  lineId: string;
  lineKey: string | null;
  rangePatchId: string | null;
  evaluation: string;
  systems: string;
  recordedAt: string;
  supersededBy: string | null;
}

interface CommitRow {
  digest: string;
  sha: string;
  patchId: string | null;
  position?: number | string;
}

const CHANGE_COLUMNS =
  'digest, line_id AS "lineId", line_key AS "lineKey", range_patch_id AS "rangePatchId", evaluation, systems, recorded_at AS "recordedAt", superseded_by AS "supersededBy"';
const CHUNK = 500;

/** Records a change idempotently (see the module comment for lines). Must run inside `SqlDriver.write`. */
export function* recordChange(
  input: RecordChangeInput,
  audit: AuditFor<RecordChangeOutcome | RecordChangeRefusal>,
  settings: AuditSettings,
): Script<RecordChangeOutcome | RecordChangeRefusal> {
  const evaluation = input.evaluation;
  const digest = evaluation.change.digest;
  const commits: CommitRef[] = evaluation.change.commits.map((commit) => ({ sha: commit.sha, ...(commit.patchId ? { patchId: commit.patchId } : {}) }));
  const conflict = yield* findPatchIdConflict(commits);
  if (conflict) {
    const refusal: RecordChangeRefusal = { refused: true, code: 'patch-id-conflict', reason: conflict, digest, systems: systemsOf(evaluation) };
    yield* appendEvents(audit(refusal), settings);
    return refusal;
  }
  const [existing] = yield* loadChanges([digest]);
  let outcome: RecordChangeOutcome;
  if (existing) {
    const known = new Set(existing.commits.map((commit) => commit.sha));
    const added = commits.filter((commit) => !known.has(commit.sha));
    yield* insertCommits(digest, commits, known);
    const differs = comparable(existing.evaluation) !== comparable(evaluation);
    // Decisions were made about the stored evaluation: replacing it could drop a requirement they
    // were weighed against (or raise the verdict), so once decided it stays; the attempt is audited.
    const decided = differs && (yield* first<{ one: number }>('SELECT 1 AS one FROM approvals WHERE digest = ? LIMIT 1', [digest])) !== undefined;
    const evaluationUpdated = differs && !decided;
    if (evaluationUpdated) {
      yield* run('UPDATE changes SET evaluation = ?, verdict = ?, systems = ?, updated_at = ? WHERE digest = ?', [
        JSON.stringify(evaluation),
        evaluation.verdict,
        JSON.stringify(systemsOf(evaluation)),
        input.at,
        digest,
      ]);
    }
    if (input.lineKey && !existing.lineKey) yield* run('UPDATE changes SET line_key = ? WHERE digest = ?', [input.lineKey, digest]);
    if (input.rangePatchId && !existing.rangePatchId) yield* run('UPDATE changes SET range_patch_id = ? WHERE digest = ?', [input.rangePatchId, digest]);
    let superseded: string[] = [];
    if (existing.supersededBy) {
      // Recording known content again makes it the line's current content again: it is what the head holds now.
      superseded = yield* supersedeLine(existing.lineId, digest, input.at);
      yield* run('UPDATE changes SET superseded_by = NULL, superseded_at = NULL WHERE digest = ?', [digest]);
    }
    const [change] = yield* loadChanges([digest]);
    outcome = {
      change: change!,
      created: false,
      evaluationUpdated,
      addedCommits: added.map((commit) => commit.sha),
      superseded,
      reinstated: existing.supersededBy !== undefined,
      ...(decided ? { evaluationKept: true } : {}),
    };
  } else {
    const lineId = yield* joinLine(digest, commits, input.lineKey);
    const superseded = yield* supersedeLine(lineId, digest, input.at);
    yield* run(
      'INSERT INTO changes (digest, line_id, line_key, range_patch_id, verdict, systems, evaluation, recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [digest, lineId, input.lineKey ?? null, input.rangePatchId ?? null, evaluation.verdict, JSON.stringify(systemsOf(evaluation)), JSON.stringify(evaluation), input.at, input.at],
    );
    yield* insertCommits(digest, commits, new Set());
    const [change] = yield* loadChanges([digest]);
    outcome = { change: change!, created: true, evaluationUpdated: false, addedCommits: commits.map((commit) => commit.sha), superseded, reinstated: false };
  }
  yield* appendEvents(audit(outcome), settings);
  return outcome;
}

/**
 * A sha has exactly one diff, so one patch id: a claim that contradicts a recorded one (in any
 * change, or twice in this one) is refused, so a record cannot re-point a known commit at other
 * content by patch id. Returns the reason, or undefined.
 */
function* findPatchIdConflict(commits: CommitRef[]): Script<string | undefined> {
  const claimed = new Map<string, string>();
  for (const commit of commits) {
    if (!commit.patchId) continue;
    const earlier = claimed.get(commit.sha);
    if (earlier !== undefined && earlier !== commit.patchId) return `commit \`${commit.sha}\` is listed twice with different patch ids \`${earlier}\` and \`${commit.patchId}\``;
    claimed.set(commit.sha, commit.patchId);
  }
  const shas = [...claimed.keys()];
  for (let index = 0; index < shas.length; index += CHUNK) {
    const chunk = shas.slice(index, index + CHUNK);
    const rows = yield* all<CommitRow>(
      `SELECT digest, sha, patch_id AS "patchId" FROM change_commits WHERE patch_id IS NOT NULL AND sha IN ${placeholders(chunk.length)} ORDER BY sha, digest`,
      chunk,
    );
    for (const row of rows) {
      const patchId = claimed.get(row.sha);
      if (row.patchId !== null && patchId !== undefined && row.patchId !== patchId) {
        return `commit \`${row.sha}\` is recorded with patch id \`${row.patchId}\` (change \`${row.digest.slice(0, 12)}\`), not \`${patchId}\``;
      }
    }
  }
  return undefined;
}

/** Finds the line new content belongs to, merging lines it links; a new line is named after the digest. */
function* joinLine(digest: string, commits: CommitRef[], lineKey: string | undefined): Script<string> {
  const lineIds = new Set<string>();
  if (lineKey) for (const row of yield* all<{ lineId: string }>('SELECT DISTINCT line_id AS "lineId" FROM changes WHERE line_key = ?', [lineKey])) lineIds.add(row.lineId);
  const sameWork = lineKey ? ' AND (c.line_key IS NULL OR c.line_key = ?)' : '';
  const keyParam: SqlParam[] = lineKey ? [lineKey] : [];
  const head = commits[0];
  if (head) {
    // An earlier change that contains this change's first commit (new commits were added on top).
    const match = head.patchId ? '(cc.sha = ? OR cc.patch_id = ?)' : 'cc.sha = ?';
    const sql = `SELECT DISTINCT c.line_id AS "lineId" FROM change_commits cc JOIN changes c ON c.digest = cc.digest WHERE ${match}${sameWork}`;
    for (const row of yield* all<{ lineId: string }>(sql, [head.sha, ...(head.patchId ? [head.patchId] : []), ...keyParam])) lineIds.add(row.lineId);
    // An earlier change whose first commit this change contains (commits were dropped or amended).
    const shas = commits.map((commit) => commit.sha);
    const patchIds = commits.flatMap((commit) => (commit.patchId ? [commit.patchId] : []));
    for (let index = 0; index < shas.length; index += CHUNK) {
      const shaChunk = shas.slice(index, index + CHUNK);
      const patchChunk = patchIds.slice(index, index + CHUNK);
      const byPatch = patchChunk.length > 0 ? ` OR cc.patch_id IN ${placeholders(patchChunk.length)}` : '';
      const firstSql = `SELECT DISTINCT c.line_id AS "lineId" FROM change_commits cc JOIN changes c ON c.digest = cc.digest WHERE cc.position = 0 AND (cc.sha IN ${placeholders(shaChunk.length)}${byPatch})${sameWork}`;
      for (const row of yield* all<{ lineId: string }>(firstSql, [...shaChunk, ...patchChunk, ...keyParam])) lineIds.add(row.lineId);
    }
  }
  if (lineIds.size === 0) return digest;
  const ids = [...lineIds];
  const ordered = yield* all<{ lineId: string }>(
    `SELECT line_id AS "lineId" FROM changes WHERE line_id IN ${placeholders(ids.length)} GROUP BY line_id ORDER BY MIN(recorded_at), line_id`,
    ids,
  );
  const lineId = ordered[0]?.lineId ?? digest;
  const others = ids.filter((id) => id !== lineId);
  if (others.length > 0) yield* run(`UPDATE changes SET line_id = ? WHERE line_id IN ${placeholders(others.length)}`, [lineId, ...others]);
  return lineId;
}

/** Marks the line's current changes (other than `digest`) as superseded by it; returns their digests. */
function* supersedeLine(lineId: string, digest: string, at: string): Script<string[]> {
  const current = yield* all<{ digest: string }>('SELECT digest FROM changes WHERE line_id = ? AND superseded_by IS NULL AND digest <> ? ORDER BY digest', [lineId, digest]);
  if (current.length > 0) yield* run('UPDATE changes SET superseded_by = ?, superseded_at = ? WHERE line_id = ? AND superseded_by IS NULL AND digest <> ?', [digest, at, lineId, digest]);
  return current.map((row) => row.digest);
}

function* insertCommits(digest: string, commits: CommitRef[], known: Set<string>): Script<void> {
  for (const [position, commit] of commits.entries()) {
    if (known.has(commit.sha)) continue;
    yield* run('INSERT INTO change_commits (digest, sha, patch_id, position) VALUES (?, ?, ?, ?) ON CONFLICT (digest, sha) DO NOTHING', [digest, commit.sha, commit.patchId ?? null, position]);
  }
}

/** Loads changes with their commits, in the order of `digests` (unknown digests are skipped). */
export function* loadChanges(digests: readonly string[]): Script<StoredChange[]> {
  const changes: StoredChange[] = [];
  for (let index = 0; index < digests.length; index += CHUNK) {
    const chunk = digests.slice(index, index + CHUNK);
    const rows = yield* all<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE digest IN ${placeholders(chunk.length)}`, chunk);
    const commitRows = yield* all<CommitRow>(
      `SELECT digest, sha, patch_id AS "patchId", position FROM change_commits WHERE digest IN ${placeholders(chunk.length)} ORDER BY digest, position, sha`,
      chunk,
    );
    const commits = new Map<string, CommitRef[]>();
    const last = new Map<string, { position: number; commits: CommitRef[] }>();
    for (const row of commitRows) {
      const ref: CommitRef = { sha: row.sha, ...(row.patchId ? { patchId: row.patchId } : {}) };
      const list = commits.get(row.digest) ?? [];
      list.push(ref);
      commits.set(row.digest, list);
      const position = Number(row.position);
      const top = last.get(row.digest);
      if (!top || position > top.position) last.set(row.digest, { position, commits: [ref] });
      else if (position === top.position) top.commits.push(ref);
    }
    const byDigest = new Map(rows.map((row) => [row.digest, toStoredChange(row, commits.get(row.digest) ?? [], last.get(row.digest)?.commits ?? [])]));
    for (const digest of chunk) {
      const change = byDigest.get(digest);
      if (change) changes.push(change);
    }
  }
  return changes;
}

export function* findChange(digestOrPrefix: string): Script<FindChangeResult> {
  const prefix = digestOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{4,}$/.test(prefix)) {
    return { ok: false, reason: 'invalid', message: `\`${digestOrPrefix}\` is not a change digest (at least 4 hex digits)`, candidates: [] };
  }
  const rows = yield* all<{ digest: string }>('SELECT digest FROM changes WHERE digest LIKE ? ORDER BY digest LIMIT 11', [`${prefix}%`]);
  const exact = rows.find((row) => row.digest === prefix);
  const chosen = exact ?? (rows.length === 1 ? rows[0] : undefined);
  if (chosen) {
    const [change] = yield* loadChanges([chosen.digest]);
    if (change) return { ok: true, change };
  }
  if (rows.length === 0) return { ok: false, reason: 'not-found', message: `no recorded change matches \`${digestOrPrefix}\``, candidates: [] };
  const candidates = rows.slice(0, 10).map((row) => row.digest);
  return {
    ok: false,
    reason: 'ambiguous',
    message: `\`${digestOrPrefix}\` matches ${rows.length > 10 ? 'more than 10' : rows.length} changes: ${candidates.map((d) => d.slice(0, 12)).join(', ')}`,
    candidates,
  };
}

export function* findChangesByCommits(shas: readonly string[]): Script<StoredChange[]> {
  return yield* findChangesHolding(shas, []);
}

/** Changes holding any of `shas`, or a commit or whole range with one of `patchIds`: one load of each. */
export function* findChangesHolding(shas: readonly string[], patchIds: readonly string[]): Script<StoredChange[]> {
  const digests = new Set<string>();
  for (let index = 0; index < shas.length; index += CHUNK) {
    const chunk = shas.slice(index, index + CHUNK);
    for (const row of yield* all<{ digest: string }>(`SELECT DISTINCT digest FROM change_commits WHERE sha IN ${placeholders(chunk.length)}`, chunk)) digests.add(row.digest);
  }
  for (let index = 0; index < patchIds.length; index += CHUNK) {
    const chunk = patchIds.slice(index, index + CHUNK);
    const list = placeholders(chunk.length);
    const sql = `SELECT DISTINCT digest FROM change_commits WHERE patch_id IN ${list} UNION SELECT digest FROM changes WHERE range_patch_id IN ${list}`;
    for (const row of yield* all<{ digest: string }>(sql, [...chunk, ...chunk])) digests.add(row.digest);
  }
  return yield* loadChanges([...digests].sort());
}

export function* loadLine(lineId: string): Script<StoredChange[]> {
  const rows = yield* all<{ digest: string }>('SELECT digest FROM changes WHERE line_id = ? ORDER BY recorded_at, digest', [lineId]);
  return yield* loadChanges(rows.map((row) => row.digest));
}

export function* getChange(digest: string): Script<StoredChange | null> {
  const row = yield* first<{ digest: string }>('SELECT digest FROM changes WHERE digest = ?', [digest]);
  if (!row) return null;
  return (yield* loadChanges([row.digest]))[0] ?? null;
}

function toStoredChange(row: ChangeRow, commits: CommitRef[], lastCommits: CommitRef[]): StoredChange {
  return {
    digest: row.digest,
    evaluation: JSON.parse(row.evaluation) as ChangeEvaluation,
    lineId: row.lineId,
    ...(row.lineKey ? { lineKey: row.lineKey } : {}),
    ...(row.rangePatchId ? { rangePatchId: row.rangePatchId } : {}),
    commits,
    lastCommits,
    systems: JSON.parse(row.systems) as string[],
    recordedAt: row.recordedAt,
    ...(row.supersededBy ? { supersededBy: row.supersededBy } : {}),
  };
}

function systemsOf(evaluation: ChangeEvaluation): string[] {
  return evaluation.systems.map((system) => system.id);
}

/**
 * What decides the gate, without time or commit shas: two evaluations of the same content under
 * the same policy compare equal, also after a rebase.
 */
function comparable(evaluation: ChangeEvaluation): string {
  const { verdict, requirements, findings, policyDigest, systems, documentation, provenance } = evaluation;
  return canonicalize({ verdict, requirements, findings, policyDigest, systems, documentation, provenance: { level: provenance.level, tools: provenance.tools, operators: provenance.operators } }) ?? '';
}
