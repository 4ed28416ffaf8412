/**
 * @module Destructive SQL is found through strings, comments, dollar quotes and case; look-alikes are not.
 */
import { describe, expect, it } from 'vitest';
import { findDestructiveSql } from './find-destructive-sql.js';

describe('findDestructiveSql', () => {
  it.each([
    ['DROP DATABASE orders', /drops database `orders`/],
    ['drop table if exists users cascade;', /drops table `users`/],
    ['DROP SCHEMA public CASCADE', /drops schema `public`/],
    ['DROP MATERIALIZED VIEW mv', undefined],
    ['TRUNCATE orders', /truncates/],
    ['DELETE FROM users', /deletes every row/],
    ['delete from users where 1=1', /always true/],
    ['UPDATE users SET admin = true', /updates every row/],
    ['ALTER TABLE users DROP COLUMN email', /ALTER TABLE … DROP/],
    ['SELECT 1; DROP TABLE users', /drops table `users`/],
    ['DROP/* hidden */TABLE users', /drops table/],
    ['FLUSHALL', /erases/],
    ['WITH x AS (SELECT 1) DELETE FROM users', /deletes every row/],
    ['EXPLAIN ANALYZE DELETE FROM users', /deletes every row/],
    ['PREPARE p AS DELETE FROM users; EXECUTE p', /deletes every row/],
    ['MERGE INTO users u USING stale s ON u.id = s.id WHEN MATCHED THEN DELETE', /MERGE/],
    ['DO $$ BEGIN EXECUTE $q$DROP TABLE users$q$; END $$', /drops table `users`/],
    ['CREATE FUNCTION purge() RETURNS void AS $$ DELETE FROM users $$ LANGUAGE sql', /deletes every row/],
    // `#` is an operator in PostgreSQL, not a comment.
    ['SELECT 1 # 2; DROP TABLE users', /drops table `users`/],
    // Standard PostgreSQL strings do not escape with a backslash.
    ["SELECT '\\'; DROP TABLE users; --'", /drops table `users`/],
    // MySQL needs a blank after `--` for a comment.
    ['SELECT 1--1; DROP TABLE users', /drops table `users`/],
  ])('%s', (sql, expected) => {
    const found = findDestructiveSql(sql);
    if (expected) expect(found.map((statement) => statement.what).join(' ')).toMatch(expected);
    else expect(found).toEqual([]);
  });

  it.each([
    "SELECT 'DROP TABLE x'",
    'SELECT "DROP TABLE x"',
    '-- DROP TABLE users\nSELECT 1',
    '/* TRUNCATE x */ SELECT 1',
    "SELECT $$DROP TABLE x$$",
    'DELETE FROM sessions WHERE expires_at < now()',
    'UPDATE users SET name = $1 WHERE id = $2',
    'CREATE TABLE dropped_items (id int)',
    'DROP INDEX users_email_idx',
    'INSERT INTO users (id, name) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
    'INSERT INTO users VALUES (1) ON DUPLICATE KEY UPDATE name = VALUES(name)',
    'WITH x AS (SELECT id FROM users) SELECT * FROM x',
  ])('leaves %j alone', (sql) => {
    expect(findDestructiveSql(sql)).toEqual([]);
  });
});
