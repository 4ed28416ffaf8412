/**
 * @module SQL scripts: store logic written once as generators of queries, run by either driver.
 *
 * A script yields one query at a time and receives its result; the SQLite driver answers
 * synchronously inside one `BEGIN IMMEDIATE` transaction, the PostgreSQL driver asynchronously on
 * one pooled connection. So both adapters share every line of store logic, and the SQLite
 * adapter never interleaves two transactions on its single connection.
 *
 * SQL is written with `?` placeholders (the PostgreSQL driver numbers them) in the common subset
 * of both dialects; where they differ, scripts ask the {@link Dialect}.
 */

export type SqlParam = string | number | null;

export type Query =
  | { mode: 'all'; sql: string; params: readonly SqlParam[] }
  /** Rows as arrays of column values, in select order: no per-row objects, for scans of millions of rows. */
  | { mode: 'arrays'; sql: string; params: readonly SqlParam[] }
  | { mode: 'run'; sql: string; params: readonly SqlParam[] }
  /** Several statements without parameters (migrations). */
  | { mode: 'exec'; sql: string };

/** A unit of store work; run by `SqlDriver.read` or `SqlDriver.write`. */
export type Script<T> = Generator<Query, T, unknown>;

/** Rows of a query. Column values are strings, numbers or null (int8 parsed to number). */
export function* all<Row>(sql: string, params: readonly SqlParam[] = []): Script<Row[]> {
  return (yield { mode: 'all', sql, params }) as Row[];
}

/** Rows as arrays of column values (faster for long scans). */
export function* arrays<Row extends unknown[]>(sql: string, params: readonly SqlParam[] = []): Script<Row[]> {
  return (yield { mode: 'arrays', sql, params }) as Row[];
}

/** The first row of a query, or undefined. */
export function* first<Row>(sql: string, params: readonly SqlParam[] = []): Script<Row | undefined> {
  const rows = (yield { mode: 'all', sql, params }) as Row[];
  return rows[0];
}

/** Runs a statement; returns the number of rows it changed. */
export function* run(sql: string, params: readonly SqlParam[] = []): Script<number> {
  return (yield { mode: 'run', sql, params }) as number;
}

/** Runs parameterless statements (DDL). */
export function* exec(sql: string): Script<void> {
  yield { mode: 'exec', sql };
}

/** `(?, ?, ?)` for `count` values; callers never pass an empty list. */
export function placeholders(count: number): string {
  return `(${new Array<string>(count).fill('?').join(', ')})`;
}

/** Where the two dialects differ in the scripts. */
export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** A condition true when the JSON text column `column` has `?` in its `systems` array. */
  payloadListsSystem(column: string): string;
  /** A query with one `?` (a table name) that returns a row when that table exists in the store's schema. */
  tableExistsSql: string;
  /**
   * An SQL expression over an `audit_events` row giving `prev_hash || canonical event`, so a long
   * verification moves one string per row instead of eight. Absent: the text is assembled here
   * from the columns. Either way the database only ever *reads* stored bytes; someone who can
   * change the database engine itself can also serve a verifier whatever rows they like, which
   * is why exported checkpoints are verified against a copy kept elsewhere.
   */
  hashedTextSql?: string;
}

/** Runs scripts against one database. */
export interface SqlDriver {
  readonly dialect: Dialect;
  /** Runs a read-only script (a consistent snapshot where the database offers one cheaply). */
  read<T>(script: Script<T>): Promise<T>;
  /**
   * Runs a script in a write transaction that holds the store's write lock until commit.
   * INVARIANT: two write scripts never run concurrently against one store, across processes and
   * servers; the lock is the database's (SQLite `BEGIN IMMEDIATE`, PostgreSQL
   * `pg_advisory_xact_lock`), never an in-process mutex.
   */
  write<T>(script: Script<T>): Promise<T>;
  close(): Promise<void>;
}
