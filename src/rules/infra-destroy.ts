/**
 * @module Rule `infra-destroy`: Terraform plans that delete or replace resources, and configuration
 * changes that destroy on the next apply (blocks taken out, `removed` blocks, lost `prevent_destroy`).
 */
import picomatch from 'picomatch';
import * as z from 'zod';
import { destructiveAction, parseTerraformPlan, type DestructiveAction, type PlannedResourceChange } from '../analyzers/terraform-plan.js';
import type { Artifact } from '../core/change.js';
import { severityRank, type Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { findConfigDestroys } from './infra-destroy-config.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import { STATEFUL_RESOURCE_TYPES, STATEFUL_TYPE_GLOBS } from './stateful-resource-types.js';

const ID = 'infra-destroy';

const settingsSchema = z.strictObject({
  /** Extra resource type globs treated as stateful (critical), e.g. `acme_ledger_*`. */
  statefulTypes: z.array(z.string().min(1)).default([]),
  /** Resource type globs never reported, e.g. `null_resource`, `terraform_data`. */
  ignoreTypes: z.array(z.string().min(1)).default([]),
  /** Individual findings per plan; the rest are summed up in one finding. */
  maxFindingsPerPlan: z.int().min(1).default(50),
});

const VERB: Record<DestructiveAction, string> = {
  delete: 'destroyed',
  'delete-then-create': 'deleted and re-created',
  'create-then-delete': 'replaced (the new one is created before the old one is destroyed)',
};

/** Terraform's `action_reason` values, in words. */
const REASON: Record<string, string> = {
  replace_because_cannot_update: 'a changed attribute cannot be updated in place',
  replace_because_tainted: 'the object is tainted',
  replace_by_request: 'replacement was requested with `-replace`',
  replace_by_triggers: '`replace_triggered_by` fired',
  delete_because_no_resource_config: 'its configuration was removed',
  delete_because_wrong_repetition: 'it switched between `count` and `for_each`',
  delete_because_count_index: 'its `count` index is out of range',
  delete_because_each_key: 'its `for_each` key is gone',
  delete_because_no_module: 'its module was removed',
  delete_because_no_move_target: 'its `moved` target does not exist',
};

// Compiled on first use: most checks carry no plan.
let statefulGroups: { loses: string; matches: (type: string) => boolean }[] | undefined;
const losesByType = (type: string): string | undefined =>
  (statefulGroups ??= STATEFUL_RESOURCE_TYPES.map((group) => ({ loses: group.loses, matches: picomatch([...group.types]) }))).find((group) => group.matches(type))?.loses;

export const infraDestroyRule: BuiltinRule = {
  id: ID,
  description: 'Terraform plans and configuration that delete resources (critical for stateful ones); removed `prevent_destroy`',
  settingsSchema,
  async evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const isStateful = picomatch([...STATEFUL_TYPE_GLOBS, ...settings.statefulTypes]);
    const isIgnored = settings.ignoreTypes.length > 0 ? picomatch(settings.ignoreTypes) : () => false;
    for (const artifact of input.change.artifacts) {
      if (artifact.kind !== 'terraform-plan') continue;
      findings.push(...evaluatePlan(artifact, { isStateful, isIgnored, max: settings.maxFindingsPerPlan }));
    }
    findings.push(...(await findConfigDestroys(input.change, { isStateful, isIgnored, loses: statefulLoss })));
    return findings;
  },
};

interface PlanOptions {
  isStateful: (type: string) => boolean;
  isIgnored: (type: string) => boolean;
  max: number;
}

function evaluatePlan(artifact: Artifact, options: PlanOptions): Finding[] {
  const cannotRead = (why: string): Finding => ({
    rule: ID,
    severity: 'critical',
    message: `cannot read plan: ${why}`,
    file: artifact.path,
    remediation: 'attach the output of `terraform show -json PLANFILE`; until it can be read, the plan counts as destructive',
  });
  if (artifact.unreadable) return [cannotRead(`its content could not be loaded (${artifact.unreadable})`)];
  if (artifact.content === undefined) return []; // the plan file itself was deleted
  const parsed = parseTerraformPlan(artifact.content);
  if (parsed.error !== undefined) return [cannotRead(parsed.error)];
  const findings: Finding[] = [];
  if (parsed.plan.errored) {
    findings.push({
      rule: ID,
      severity: 'high',
      message: 'plan is incomplete: planning failed part-way (`errored: true`), so it may not list every change',
      file: artifact.path,
      remediation: 'fix the planning errors and attach a complete plan',
    });
  }
  const destroying = parsed.plan.resourceChanges
    .filter((rc) => rc.mode !== 'data' && !options.isIgnored(rc.type))
    .flatMap((rc) => {
      const action = destructiveAction(rc.actions);
      return action ? [toFinding(artifact.path, rc, action, options.isStateful(rc.type))] : [];
    })
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  findings.push(...destroying.slice(0, options.max));
  const rest = destroying.slice(options.max);
  if (rest.length > 0) {
    findings.push({
      rule: ID,
      severity: rest[0]!.severity,
      message: `${rest.length} more resources will be deleted or replaced`,
      file: artifact.path,
      evidence: rest.slice(0, 10).map((f) => f.message.split(' will ')[0]).join(', ') + (rest.length > 10 ? ', …' : ''),
      remediation: 'review the full plan; split the change so each plan destroys only what it must',
    });
  }
  return findings;
}

/** What destroying a stateful type loses, in words. */
const statefulLoss = (type: string): string => losesByType(type) ?? 'stateful data (configured in `statefulTypes`)';

function toFinding(file: string, rc: PlannedResourceChange, action: DestructiveAction, stateful: boolean): Finding {
  const subject = rc.deposed ? `${rc.address} (deposed object ${rc.deposed})` : rc.address;
  const loses = stateful ? statefulLoss(rc.type) : undefined;
  const evidence = [
    `actions ${JSON.stringify(rc.actions)}`,
    rc.actionReason ? `because ${REASON[rc.actionReason] ?? rc.actionReason}` : undefined,
    rc.previousAddress ? `moved from ${rc.previousAddress}` : undefined,
    loses ? `stateful: ${loses}` : undefined,
  ].filter(Boolean);
  return {
    rule: ID,
    severity: stateful ? 'critical' : 'high',
    message: `${subject} will be ${VERB[action]}`,
    file,
    evidence: evidence.join('; '),
    remediation: stateful
      ? 'if the data must survive, avoid the replacement (check `replace_paths` for the forcing attribute), add `lifecycle { prevent_destroy = true }`, or use a `moved` block; otherwise take and verify a backup first'
      : 'confirm the deletion is intended; for a replacement, check `replace_paths` in the plan for the attribute that forces it',
  };
}
