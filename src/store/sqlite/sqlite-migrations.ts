/**
 * @module The SQLite schema, as numbered migrations. Documented column by column in docs/store.md.
 */
import type { Migration } from '../sql/migrate.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'audit log, changes, approvals, break-glass',
    sql: `
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_type ON audit_events (type, seq);
CREATE INDEX audit_events_subject ON audit_events (subject, seq);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

CREATE TABLE audit_checkpoints (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);

CREATE TABLE changes (
  digest TEXT PRIMARY KEY,
  line_id TEXT NOT NULL,
  line_key TEXT,
  range_patch_id TEXT,
  verdict TEXT NOT NULL,
  systems TEXT NOT NULL,
  evaluation TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  superseded_by TEXT,
  superseded_at TEXT
);
CREATE INDEX changes_line_id ON changes (line_id);
CREATE INDEX changes_line_key ON changes (line_key);
CREATE INDEX changes_range_patch_id ON changes (range_patch_id);

CREATE TABLE change_commits (
  digest TEXT NOT NULL REFERENCES changes (digest),
  sha TEXT NOT NULL,
  patch_id TEXT,
  position INTEGER NOT NULL,
  PRIMARY KEY (digest, sha)
);
CREATE INDEX change_commits_sha ON change_commits (sha);
CREATE INDEX change_commits_patch_id ON change_commits (patch_id);

CREATE TABLE approvals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  digest TEXT NOT NULL REFERENCES changes (digest),
  kind TEXT NOT NULL CHECK (kind IN ('approve', 'sign-off', 'reject', 'withdraw')),
  person TEXT NOT NULL,
  at TEXT NOT NULL,
  comment TEXT,
  role TEXT,
  signature TEXT
);
CREATE INDEX approvals_digest ON approvals (digest);

CREATE TABLE break_glass (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  env TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  person TEXT NOT NULL,
  reason TEXT NOT NULL,
  incident TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  review_due_at TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_digest TEXT
);
CREATE INDEX break_glass_env_commit ON break_glass (env, commit_sha);
CREATE INDEX break_glass_open ON break_glass (reviewed_at, review_due_at);
`,
  },
];
