/**
 * @module Schema (zod) issues turned into catalog messages people can act on.
 *
 * zod's own messages ("Invalid input") do not say what was found; these name the expected
 * values, quote what the file has, and suggest the nearest key for typos.
 */
import * as z from 'zod';
import { type CatalogIssue, type CatalogPath, quoteInput } from './catalog-error.js';
import { suggestKey } from './suggest-key.js';

type SchemaIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
};

/**
 * Describes one schema issue. `raw` is the data that was validated and `schema` the schema
 * it was validated with (used to list the valid keys where a key is unknown).
 */
export function describeSchemaIssue(issue: SchemaIssue, raw: unknown, schema: z.ZodType): CatalogIssue[] {
  const path: CatalogPath = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const value = valueAt(raw, path);
  const found = value.present ? describeValue(value.value) : 'nothing';

  if (path.length === 1 && path[0] === 'version') {
    return [
      value.present
        ? { path, message: `expected 1, got ${found}; this tollgate reads catalog version 1` }
        : { path, message: 'missing; a catalog starts with `version: 1`' },
    ];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = validKeysAt(schema, path);
      return issue.keys.map((key) => ({ path: [...path, key], at: 'key' as const, message: unknownKeyMessage(key, valid) }));
    }
    case 'invalid_type':
      if (!value.present) return [{ path, message: `missing required key \`${String(path[path.length - 1])}\`` }];
      return [{ path, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${found}` }];
    case 'invalid_value':
      return [{ path, message: `expected ${listValues(issue.values)}, got ${found}${suggestion(value.value, issue.values)}` }];
    case 'invalid_union': {
      const values = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : []));
      if (values.length > 0 && issue.errors.flat().every((inner) => inner.code === 'invalid_value')) {
        return [{ path, message: `expected ${listValues(values)}, got ${found}` }];
      }
      return [{ path, message: `${found} does not match any allowed form` }];
    }
    case 'too_small':
      return [{ path, message: sizeMessage('at least', issue.origin, Number(issue.minimum), found) }];
    case 'too_big':
      return [{ path, message: sizeMessage('at most', issue.origin, Number(issue.maximum), found) }];
    case 'invalid_format':
      return [{ path, message: `${lowerFirst(issue.message)}; got ${found}` }];
    case 'custom':
      // Refinements write their own complete messages.
      return [{ path, message: lowerFirst(issue.message) }];
    default:
      return [{ path, message: `${lowerFirst(issue.message)}; got ${found}` }];
  }
}

/** The keys a strict object at `path` accepts, or `[]` when the schema there is not an object. */
export function validKeysAt(schema: z.ZodType, path: CatalogPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = current.shape[String(segment)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodPrefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function unknownKeyMessage(key: string, valid: readonly string[]): string {
  const near = suggestKey(key, valid);
  if (near !== undefined) return `unknown key ${quoteInput(key)}; did you mean \`${near}\`?`;
  if (valid.length > 0 && valid.length <= 8) return `unknown key ${quoteInput(key)}; expected one of ${valid.map((k) => `\`${k}\``).join(', ')}`;
  return `unknown key ${quoteInput(key)}`;
}

function sizeMessage(bound: 'at least' | 'at most', origin: string, limit: number, found: string): string {
  if (origin === 'array') return `needs ${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
  if (origin === 'string') return limit === 1 && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${limit} characters long, got ${found}`;
  return `must be ${bound} ${limit}, got ${found}`;
}

/** `[1, 2, 3]` -> `1, 2 or 3`; text values in backticks. */
function listValues(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : `\`${String(v)}\``));
  return shown.length <= 1 ? (shown[0] ?? 'nothing') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function suggestion(value: unknown, values: readonly unknown[]): string {
  if (typeof value !== 'string') return '';
  const near = suggestKey(value, values.filter((v): v is string => typeof v === 'string'));
  return near === undefined ? '' : `; did you mean \`${near}\`?`;
}

/** How a found value reads in a message: scalars quoted, structures named. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return quoteInput(value);
}

function valueAt(data: unknown, path: CatalogPath): { present: boolean; value: unknown } {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return { present: false, value: undefined };
    const container = current as Record<string | number, unknown>;
    if (!(segment in container)) return { present: false, value: undefined };
    current = container[segment];
  }
  return { present: current !== undefined, value: current };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
