/**
 * @module Terraform / OpenTofu plan JSON (`terraform show -json PLANFILE`): the resource changes it plans.
 *
 * Format: https://developer.hashicorp.com/terraform/internals/json-format. Only the fields rules
 * need are validated; unknown properties are ignored as the format's compatibility promise asks,
 * and a major `format_version` other than 1 is rejected as it also asks.
 */
import * as z from 'zod';

/** One planned change to one resource instance. */
export interface PlannedResourceChange {
  /** Full address, e.g. `module.db.aws_db_instance.orders["eu"]`. */
  address: string;
  /** Set when the resource moved (`moved` block) from this address. */
  previousAddress?: string;
  /** `managed` for resources, `data` for data sources. */
  mode: string;
  type: string;
  name: string;
  providerName?: string;
  /** Terraform's action list, e.g. `["delete","create"]`. */
  actions: string[];
  /** Why Terraform chose the action, e.g. `replace_because_cannot_update`. */
  actionReason?: string;
  /** Set when this change is about a deposed object left behind by a failed create-before-destroy. */
  deposed?: string;
}

/** A plan as far as the rules care. */
export interface TerraformPlan {
  formatVersion: string;
  terraformVersion?: string;
  /** True when planning failed part-way: the plan does not describe every change. */
  errored: boolean;
  resourceChanges: PlannedResourceChange[];
}

/** A parsed plan, or why the content is not a readable plan (one line, naming the field or line). */
export type PlanParseResult = { plan: TerraformPlan; error?: undefined } | { plan?: undefined; error: string };

/** How a planned change destroys an existing object, if it does. */
export type DestructiveAction = 'delete' | 'delete-then-create' | 'create-then-delete';

const resourceChangeSchema = z.object({
  address: z.string(),
  previous_address: z.string().optional(),
  mode: z.string(),
  type: z.string(),
  name: z.string(),
  provider_name: z.string().optional(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change: z.object({ actions: z.array(z.string()).min(1) }),
});

const planSchema = z.object({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  errored: z.boolean().optional(),
  planned_values: z.record(z.string(), z.unknown()).optional(),
  resource_changes: z.array(resourceChangeSchema).optional(),
});

/**
 * Parses plan JSON. Never throws for bad content: malformed JSON, a state file or any other JSON,
 * an unsupported format version and missing fields all come back as `error`.
 *
 * @example parseTerraformPlan('{"format_version":"1.2","planned_values":{},"resource_changes":[]}').plan?.resourceChanges // => []
 */
export function parseTerraformPlan(content: string): PlanParseResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { error: `invalid JSON${jsonErrorWhere(content, error)}: ${jsonErrorReason(error)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { error: 'not a terraform plan: expected a JSON object with `format_version` (make it with `terraform show -json PLANFILE`)' };
  }
  const top = data as Record<string, unknown>;
  if (!('format_version' in top)) {
    return { error: 'not a terraform plan: no `format_version` (make it with `terraform show -json PLANFILE`)' };
  }
  if (!('planned_values' in top) && !('resource_changes' in top)) {
    const what = 'values' in top ? 'a terraform state, not a plan' : 'not a terraform plan';
    return { error: `${what}: no \`planned_values\` or \`resource_changes\` (make it with \`terraform show -json PLANFILE\`)` };
  }
  const parsed = planSchema.safeParse(top);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `unexpected plan shape at \`${formatPath(issue.path)}\`: ${issue.message.toLowerCase()}` };
  }
  const plan = parsed.data;
  const major = plan.format_version.split('.')[0];
  if (major !== '1') return { error: `unsupported plan \`format_version\` \`${plan.format_version}\` (supported: 1.x)` };
  return {
    plan: {
      formatVersion: plan.format_version,
      ...(plan.terraform_version !== undefined ? { terraformVersion: plan.terraform_version } : {}),
      errored: plan.errored ?? false,
      resourceChanges: (plan.resource_changes ?? []).map((rc) => ({
        address: rc.address,
        ...(rc.previous_address !== undefined ? { previousAddress: rc.previous_address } : {}),
        mode: rc.mode,
        type: rc.type,
        name: rc.name,
        ...(rc.provider_name !== undefined ? { providerName: rc.provider_name } : {}),
        actions: rc.change.actions,
        ...(rc.action_reason !== undefined ? { actionReason: rc.action_reason } : {}),
        ...(rc.deposed !== undefined ? { deposed: rc.deposed } : {}),
      })),
    },
  };
}

/**
 * Whether an action list destroys the existing object. Terraform documents that scanning for
 * `delete` recognises every present and future destroying combination; `forget` only drops the
 * object from state and leaves it running.
 *
 * @example destructiveAction(['delete', 'create']) // => 'delete-then-create'
 */
export function destructiveAction(actions: readonly string[]): DestructiveAction | undefined {
  const deleteAt = actions.indexOf('delete');
  if (deleteAt < 0) return undefined;
  const createAt = actions.indexOf('create');
  if (createAt < 0) return 'delete';
  return createAt < deleteAt ? 'create-then-delete' : 'delete-then-create';
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes a slice of the input after the reason; keep only the reason.
  return message
    .replace(/^(Unexpected token '[\s\S]'),[\s\S]*$/, '$1')
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .toLowerCase();
}

/** " at line N" for a JSON.parse error, from V8's "at position N" or its quoted context, else "". */
function jsonErrorWhere(content: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const offset = jsonErrorOffset(content, message);
  if (offset === undefined) return '';
  let line = 1;
  for (let i = content.indexOf('\n'); i !== -1 && i < offset; i = content.indexOf('\n', i + 1)) line++;
  return ` at line ${line}`;
}

function jsonErrorOffset(content: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  // V8: Unexpected token 'x', ..."<up to 10 chars before>x<up to 10 after>"... is not valid JSON
  const context = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON/.exec(message);
  if (!context) return undefined;
  const [, token = '', cutStart, core = '', cutEnd] = context;
  const at = cutStart ? content.indexOf(core) : 0;
  if (at < 0) return undefined;
  if (cutStart) return at + 10;
  return cutEnd ? core.length - 10 : core.indexOf(token);
}
