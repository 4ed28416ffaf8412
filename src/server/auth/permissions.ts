/**
 * @module What each role may do, and the rule no role can lift: an AI never approves.
 */
import type { Role } from '../identity/identity-store.js';

export const PERMISSIONS = {
  /** Read changes, their status, the queue and the catalog. */
  'changes:read': ['engineer', 'approver', 'auditor', 'admin', 'ci'],
  /** Record and check changes (`check --record`). */
  'changes:record': ['engineer', 'approver', 'admin', 'ci'],
  /** Approve, reject, withdraw and sign off: people only. */
  'changes:decide': ['approver', 'admin'],
  /** Ask the deploy gate (`verify`), which records deploys and returns attestations. */
  'deploys:verify': ['engineer', 'approver', 'admin', 'ci'],
  /** Break glass: people only. */
  'break-glass': ['engineer', 'approver', 'admin'],
  /** Ask the agent guard for a decision and record it. */
  'guard:decide': ['engineer', 'approver', 'admin', 'ci'],
  /** Read audit events, reports and checkpoints; verify the chain. */
  'audit:read': ['approver', 'auditor', 'admin'],
  /** Write a signed checkpoint of the audit chain. */
  'audit:checkpoint': ['auditor', 'admin'],
  /** Create, list and revoke API tokens. */
  'tokens:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions an AI identity (catalog `ai: true`) or a `ci` token never has, whatever its role:
 * agents may record and check, never approve, sign off or break glass.
 */
export const HUMAN_ONLY: ReadonlySet<Permission> = new Set<Permission>(['changes:decide', 'break-glass', 'tokens:manage']);

export interface Principal {
  person: string;
  role: Role;
  /** True when the catalog marks the person as an AI identity. */
  ai: boolean;
}

/** Why `principal` may not do `permission`, or undefined when it may. */
export function whyDenied(principal: Principal, permission: Permission): string | undefined {
  if (HUMAN_ONLY.has(permission) && principal.ai) return `\`${principal.person}\` is an ai identity and can never ${describe(permission)}`;
  if (HUMAN_ONLY.has(permission) && principal.role === 'ci') return `a \`ci\` token can never ${describe(permission)}`;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  if (!allowed.includes(principal.role)) {
    return `role \`${principal.role}\` may not ${describe(permission)} (needs ${allowed.map((r) => `\`${r}\``).join(', ')})`;
  }
  return undefined;
}

function describe(permission: Permission): string {
  switch (permission) {
    case 'changes:decide':
      return 'approve, reject or sign off';
    case 'break-glass':
      return 'break glass';
    case 'tokens:manage':
      return 'manage tokens';
    case 'changes:read':
      return 'read changes';
    case 'changes:record':
      return 'record changes';
    case 'deploys:verify':
      return 'verify deploys';
    case 'guard:decide':
      return 'ask the guard';
    case 'audit:read':
      return 'read the audit log';
    case 'audit:checkpoint':
      return 'write audit checkpoints';
  }
}
