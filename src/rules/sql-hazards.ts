/**
 * @module Part of `sql-destructive`: what one parsed PostgreSQL statement can destroy or break.
 *
 * Severity follows what is lost and how easily it comes back:
 * - `critical`: whole tables, schemas or databases, or every row of a table (DROP TABLE/SCHEMA/
 *   DATABASE, TRUNCATE, DELETE or UPDATE without WHERE) — only a restore brings them back.
 * - `high`: one column's data (DROP COLUMN, column type change) or anything dropped `CASCADE`.
 * - `medium`: changes that fail or lock on existing data, or break code still using old names
 *   (ADD COLUMN … NOT NULL without DEFAULT, SET NOT NULL, DROP INDEX, RENAME).
 *
 * Statements nested inside another run too: a `DELETE` in a `WITH` clause, under `EXPLAIN ANALYZE`,
 * in `PREPARE`, `CREATE TABLE … AS`, `INSERT … SELECT` or a rule's actions. Each is judged as if
 * it stood alone.
 */
import type { Node, RangeVar } from 'libpg-query';
import type { Severity } from '../core/finding.js';

/** One destructive or breaking effect of a statement. */
export interface SqlHazard {
  severity: Severity;
  /** What the statement does, e.g. "drops table `public.users`". */
  message: string;
}

/** Every hazard of one statement and of the statements nested in it (empty when it is harmless). */
export function classifyStatement(node: Node): SqlHazard[] {
  const hazards: SqlHazard[] = [];
  visitStatements(node, (statement) => hazards.push(...classifyOne(statement)));
  return hazards;
}

/** Calls `visit` for `node` and for every statement node below it, outermost first. */
function visitStatements(node: unknown, visit: (statement: Node) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitStatements(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key.endsWith('Stmt')) visit({ [key]: value } as Node);
    visitStatements(value, visit);
  }
}

function classifyOne(node: Node): SqlHazard[] {
  if ('DropStmt' in node) {
    const { removeType, behavior, objects = [] } = node.DropStmt;
    const names = objects.map(objectName).join(', ');
    if (removeType === 'OBJECT_TABLE' || removeType === 'OBJECT_FOREIGN_TABLE') return [{ severity: 'critical', message: `drops table ${names}` }];
    if (removeType === 'OBJECT_SCHEMA') return [{ severity: 'critical', message: `drops schema ${names}${cascade(behavior)}` }];
    if (behavior === 'DROP_CASCADE') return [{ severity: 'high', message: `drops ${kindOf(removeType)} ${names} with CASCADE, which also drops everything that depends on it` }];
    if (removeType === 'OBJECT_INDEX') return [{ severity: 'medium', message: `drops index ${names} (queries relying on it slow down)` }];
    if (removeType === 'OBJECT_MATVIEW' || removeType === 'OBJECT_SEQUENCE') return [{ severity: 'medium', message: `drops ${kindOf(removeType)} ${names}` }];
    return [];
  }
  if ('DropOwnedStmt' in node) return [{ severity: 'critical', message: `drops every object owned by ${roleNames(node.DropOwnedStmt.roles)}, tables included` }];
  if ('DropdbStmt' in node) return [{ severity: 'critical', message: `drops database \`${node.DropdbStmt.dbname ?? '?'}\`` }];
  if ('TruncateStmt' in node) {
    const names = (node.TruncateStmt.relations ?? []).map(objectName).join(', ');
    return [{ severity: 'critical', message: `truncates ${names}` }];
  }
  if ('DeleteStmt' in node && !restricts(node.DeleteStmt.whereClause)) {
    return [{ severity: 'critical', message: `deletes every row of ${relationName(node.DeleteStmt.relation)} (no WHERE)` }];
  }
  if ('UpdateStmt' in node && !restricts(node.UpdateStmt.whereClause)) {
    return [{ severity: 'critical', message: `updates every row of ${relationName(node.UpdateStmt.relation)} (no WHERE)` }];
  }
  if ('AlterTableStmt' in node) {
    const table = relationName(node.AlterTableStmt.relation);
    return (node.AlterTableStmt.cmds ?? []).flatMap((cmd) => ('AlterTableCmd' in cmd ? alterTableHazards(table, cmd.AlterTableCmd) : []));
  }
  if ('RenameStmt' in node) {
    const { renameType, relation, subname, newname } = node.RenameStmt;
    if (renameType === 'OBJECT_COLUMN') {
      return [{ severity: 'medium', message: `renames column ${relationName(relation)}.\`${subname ?? '?'}\` to \`${newname ?? '?'}\` (breaks code still using the old name)` }];
    }
    if (renameType === 'OBJECT_TABLE') {
      return [{ severity: 'medium', message: `renames table ${relationName(relation)} to \`${newname ?? '?'}\` (breaks code still using the old name)` }];
    }
  }
  return [];
}

type AlterTableCmd = Extract<Node, { AlterTableCmd: unknown }>['AlterTableCmd'];

function alterTableHazards(table: string, cmd: AlterTableCmd): SqlHazard[] {
  const column = `${table}.\`${cmd.name ?? '?'}\``;
  switch (cmd.subtype) {
    case 'AT_DropColumn':
      return [{ severity: 'high', message: `drops column ${column}${cascade(cmd.behavior)}` }];
    case 'AT_DropConstraint':
      if (cmd.behavior !== 'DROP_CASCADE') return [];
      return [{ severity: 'high', message: `drops constraint \`${cmd.name ?? '?'}\` of ${table} with CASCADE, which also drops the foreign keys that depend on it` }];
    case 'AT_AlterColumnType':
      return [{ severity: 'high', message: `changes the type of column ${column} (rewrites the table; values may be cast or lost)` }];
    case 'AT_SetNotNull':
      return [{ severity: 'medium', message: `sets NOT NULL on ${column} (scans the table under an exclusive lock; fails if any row is null)` }];
    case 'AT_AddColumn': {
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      const kinds = new Set((def?.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint.contype] : [])));
      const filled = kinds.has('CONSTR_DEFAULT') || kinds.has('CONSTR_IDENTITY') || kinds.has('CONSTR_GENERATED');
      if (kinds.has('CONSTR_NOTNULL') && !filled) {
        return [{ severity: 'medium', message: `adds NOT NULL column ${table}.\`${def?.colname ?? '?'}\` without a DEFAULT (fails when the table has rows)` }];
      }
      return [];
    }
    default:
      return [];
  }
}

/** False for no WHERE and for one that keeps every row (`WHERE true`, `WHERE 1 = 1`). */
function restricts(where: Node | undefined): boolean {
  if (!where) return false;
  const constant = (node: Node | undefined): string | undefined => {
    if (!node) return undefined;
    if ('TypeCast' in node) return constant(node.TypeCast.arg);
    if (!('A_Const' in node)) return undefined;
    const value = node.A_Const;
    if (value.boolval) return String(value.boolval.boolval ?? false);
    if (value.ival) return String(value.ival.ival ?? 0);
    if (value.sval) return value.sval.sval;
    if (value.fval) return value.fval.fval;
    return undefined;
  };
  const whole = constant(where);
  if (whole !== undefined) return !(whole === 'true' || whole === 't');
  if ('A_Expr' in where && where.A_Expr.kind === 'AEXPR_OP') {
    const op = where.A_Expr.name?.map((part) => ('String' in part ? part.String.sval : '')).join('');
    const left = constant(where.A_Expr.lexpr);
    if (op === '=' && left !== undefined && left === constant(where.A_Expr.rexpr)) return false;
  }
  return true;
}

function roleNames(roles: Node[] | undefined): string {
  return (roles ?? []).map((role) => ('RoleSpec' in role ? `\`${role.RoleSpec.rolename ?? role.RoleSpec.roletype ?? '?'}\`` : '`?`')).join(', ');
}

function cascade(behavior: string | undefined): string {
  return behavior === 'DROP_CASCADE' ? ' with CASCADE' : '';
}

function kindOf(removeType: string | undefined): string {
  return (removeType ?? 'OBJECT_UNKNOWN').replace(/^OBJECT_/, '').toLowerCase().replace(/_/g, ' ');
}

function relationName(relation: RangeVar | undefined): string {
  if (!relation) return '`?`';
  return `\`${[relation.schemaname, relation.relname].filter(Boolean).join('.')}\``;
}

/** `users`, `public.users` from a DROP object (a name, a list of names, a type or a function) or a RangeVar. */
function objectName(node: Node): string {
  if ('RangeVar' in node) return relationName(node.RangeVar);
  if ('String' in node) return `\`${node.String.sval ?? '?'}\``;
  if ('List' in node) return qualified(node.List.items);
  if ('TypeName' in node) return qualified(node.TypeName.names);
  if ('ObjectWithArgs' in node) return qualified(node.ObjectWithArgs.objname);
  return '`?`';
}

function qualified(parts: Node[] | undefined): string {
  return `\`${(parts ?? []).map((part) => ('String' in part ? part.String.sval : '?')).join('.')}\``;
}
