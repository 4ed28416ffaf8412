/**
 * @module Destructive SQL is found through strings, comments, dollar quotes and case; look-alikes are not.
 */
import { describe, expect, it } from 'vitest';
import { findDestructiveSql } from './classify-sql.js';

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
  ])('leaves %j alone', (sql) => {
    expect(findDestructiveSql(sql)).toEqual([]);
  });
});
