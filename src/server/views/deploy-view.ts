/**
 * @module Deploy-gate outcomes of one change, read back from the audit log for its page.
 */

export interface DeployView {
  seq: number;
  at: string;
  env: string;
  commit: string;
  outcome: 'passed' | 'refused' | 'break-glass';
  actor: string;
  reason?: string;
  /** Key id of the signature on the attestation, when one was issued. */
  attestationKeyId?: string;
}
