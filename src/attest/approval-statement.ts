/**
 * @module The exact text an approver signs with their SSH key.
 */
import canonicalize from 'canonicalize';

/** SSH signature namespace (`ssh-keygen -Y sign -n`) of approval signatures. */
export const APPROVAL_NAMESPACE = 'tollgate-approval';
export const APPROVAL_STATEMENT_TYPE = 'https://tollgate.dev/approval/v1';

/**
 * Canonical JSON of `{type, kind, digest, person}`. Time and comment are left out on purpose: the
 * signature binds a person to a decision about exact content; when it happened is in the audit log.
 *
 * @example
 * // echo -n "$(tollgate approve --print-statement abc123 --as dana)" | ssh-keygen -Y sign -f ~/.ssh/id_ed25519 -n tollgate-approval
 */
export function approvalStatement(input: { kind: 'approve' | 'sign-off' | 'reject'; digest: string; person: string }): string {
  return canonicalize({ type: APPROVAL_STATEMENT_TYPE, kind: input.kind, digest: input.digest, person: input.person }) ?? '';
}
