/**
 * @module Parses and validates `tollgate.yaml` text into a `Catalog`, or every problem with a line and column.
 *
 * Pure: the caller reads the file (or `git show REV:tollgate.yaml`). All problems are collected,
 * not just the first: YAML syntax first (nothing else can be trusted then), otherwise schema,
 * glob/regex and cross-reference problems together, in file order.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { type CatalogError, type CatalogIssue, formatCatalogPath } from './catalog-error.js';
import { type Catalog, catalogSchema, customRuleSchema, personSchema, systemSchema } from './catalog-schema.js';
import { environmentSchema } from './environments-schema.js';
import { freezeSchema } from './freezes-schema.js';
import { checkPatterns } from './check-patterns.js';
import { type CatalogSections, checkReferences, sectionsOf } from './check-references.js';
import { describeSchemaIssue, describeValue } from './describe-schema-issue.js';

export { type CatalogError, formatCatalogError } from './catalog-error.js';

/** A valid catalog, or the problems that prevent one. */
export type ParseCatalogResult = { catalog: Catalog; errors?: undefined } | { catalog?: undefined; errors: CatalogError[] };

/**
 * Parses catalog text. `file` names the source in messages (`tollgate.yaml`, `origin/main:tollgate.yaml`).
 *
 * @example
 * const result = parseCatalog(text, 'tollgate.yaml');
 * if (result.errors) for (const e of result.errors) console.error(formatCatalogError(e));
 */
export interface ParseCatalogOptions {
  /**
   * Checks of the `rules` section against the rule pack (unknown ids, bad settings). Passed in by the
   * adapter so the catalog model does not depend on the rules.
   */
  checkRules?: (rules: Catalog['rules']) => CatalogIssue[];
}

export function parseCatalog(text: string, file: string, options: ParseCatalogOptions = {}): ParseCatalogResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ file, ...position(e.pos[0]), path: '', message: `invalid yaml: ${yamlMessage(e.code, e.message)}` })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { errors: [{ file, path: '', message: `invalid yaml: ${lowerFirst(error instanceof Error ? error.message : String(error))}` }] };
  }
  if (raw === null || raw === undefined) {
    return { errors: [{ file, path: '', message: 'the catalog is empty; it needs at least `version: 1`' }] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const found = describeValue(raw);
    return { errors: [{ file, ...position(doc.contents?.range?.[0]), path: '', message: `expected a mapping with keys such as \`version\` and \`systems\`, got ${found}` }] };
  }

  const parsed = catalogSchema.safeParse(raw, { jitless: true });
  const schemaIssues = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeSchemaIssue(issue, raw, catalogSchema));
  const reported = new Set(schemaIssues.map((issue) => formatCatalogPath(issue.path)));
  const patternIssues = checkPatterns(raw).filter((issue) => !reported.has(formatCatalogPath(issue.path)));
  const referenceIssues = checkReferences(parsed.success ? sectionsOf(parsed.data) : parseSections(raw as Record<string, unknown>));

  const ruleIssues = parsed.success && options.checkRules ? options.checkRules(parsed.data.rules) : [];
  const issues = [...schemaIssues, ...patternIssues, ...referenceIssues, ...ruleIssues];
  if (parsed.success && issues.length === 0) return { catalog: parsed.data };
  const errors = issues.map((issue) => ({ file, ...position(offsetOf(doc, issue)), path: formatCatalogPath(issue.path), message: issue.message }));
  return { errors: sortByPosition(unique(errors)) };
}

/**
 * Sections validated one by one, and lists item by item, so cross-references can still be
 * checked in the parts that are valid when another part is not.
 */
function parseSections(raw: Record<string, unknown>): CatalogSections {
  const shape = catalogSchema.shape;
  const rules = raw.rules !== null && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  return {
    people: items(shape.people, personSchema, raw.people),
    teams: valid(shape.teams, raw.teams),
    systems: items(shape.systems, systemSchema, raw.systems),
    guardrails: valid(shape.guardrails, raw.guardrails),
    customRules: items(shape.rules.unwrap().shape.custom, customRuleSchema, rules.custom),
    freezes: items(shape.freezes, freezeSchema, raw.freezes),
    environments: items(shape.environments, environmentSchema, raw.environments),
  };
}

function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function items<T>(list: z.ZodType<T[]>, item: z.ZodType<T>, value: unknown): (T | undefined)[] | undefined {
  return Array.isArray(value) ? value.map((v) => valid(item, v)) : valid(list, value);
}

/**
 * The source offset an issue points at: the value at its path, its key for `at: 'key'`, or
 * the nearest enclosing node when the path does not exist (a missing key points at its mapping).
 */
function offsetOf(doc: Document, issue: CatalogIssue): number | undefined {
  let node: unknown = doc.contents;
  let key: unknown;
  for (const segment of issue.path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) break;
      key = pair.key;
      // An empty value (`ops:`) has no text of its own: point at its key.
      node = pair.value === null || (isScalar(pair.value) && pair.value.value === null && isEmptyRange(pair.value.range)) ? pair.key : pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      key = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = issue.at === 'key' && key !== undefined ? key : node;
  return rangeStart(target);
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}

function isEmptyRange(range: readonly number[] | null | undefined): boolean {
  return !range || range[0] === range[1];
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the catalog must be a single yaml document (remove the extra `---`)';
  return lowerFirst(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
}

function unique(errors: CatalogError[]): CatalogError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortByPosition(errors: CatalogError[]): CatalogError[] {
  const at = (e: CatalogError): number => (e.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (e.column ?? 0);
  return errors.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
