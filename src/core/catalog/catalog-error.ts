/**
 * @module Problems found in a catalog, as data: where they are and what is wrong.
 */

/** One problem in a catalog file, located as precisely as the source allows. */
export interface CatalogError {
  /** The file as the user named it, e.g. `tollgate.yaml` or `origin/main:tollgate.yaml`. */
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The field, e.g. `systems[0].tier`; empty for problems of the whole file. */
  path: string;
  /** Lowercase, one line, user input in backticks. */
  message: string;
}

/** A path into the catalog data: object keys and array indexes. */
export type CatalogPath = readonly (string | number)[];

/** A problem found by a check that knows the field but not yet the line. */
export interface CatalogIssue {
  path: CatalogPath;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  at?: 'key' | 'value';
}

/**
 * One line for people and terminals.
 *
 * @example formatCatalogError({ file: 'tollgate.yaml', line: 12, column: 5, path: 'systems[0].tier', message: 'expected 1, 2 or 3, got `4`' })
 * // => 'tollgate.yaml:12:5: systems[0].tier: expected 1, 2 or 3, got `4`'
 */
export function formatCatalogError(error: CatalogError): string {
  let where = error.file;
  if (error.line !== undefined) where += `:${error.line}`;
  if (error.line !== undefined && error.column !== undefined) where += `:${error.column}`;
  return error.path ? `${where}: ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

/** `['systems', 0, 'tier']` -> `systems[0].tier`; keys that are not plain words are quoted. */
export function formatCatalogPath(path: CatalogPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** User input quoted for a one-line message: backticks, newlines shown as `\n`, long text cut. */
export function quoteInput(value: unknown, maxLength = 60): string {
  const raw = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const oneLine = raw.replace(/\r?\n/g, '\\n');
  const cut = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return `\`${cut}\``;
}
