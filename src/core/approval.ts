/**
 * @module Approvals, rejections and sign-offs: decisions people record about one exact content digest.
 */

export type ApprovalKind = 'approve' | 'sign-off' | 'reject';

export interface ApprovalRecord {
  kind: ApprovalKind;
  /** Catalog person id. */
  person: string;
  /** Digest of the change content this decision is about. Stale when it differs from the change's digest. */
  digest: string;
  /** ISO 8601. */
  at: string;
  comment?: string;
  /** Role claimed for sign-offs (`director`, `vp`). */
  role?: string;
  /** SSH signature (armored) over the approval statement, when signed. */
  signature?: string;
  /** True once the person withdrew it (rejections can be withdrawn). */
  withdrawn?: boolean;
}
