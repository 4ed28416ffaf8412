/**
 * @module The deploy attestation: an in-toto Statement v1 whose subject is the deployed commit.
 */
import canonicalize from 'canonicalize';
import type { Verdict } from '../core/evaluation.js';
import type { Severity } from '../core/finding.js';
import { signEnvelope, type DsseEnvelope } from './sign-envelope.js';
import type { SigningKey } from './read-keys.js';

export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const DEPLOY_PREDICATE_TYPE = 'https://tollgate.dev/deploy-approval/v1';

/** What the gate vouches for when it lets a commit go to an environment. */
export interface DeployPredicate {
  env: string;
  commit: string;
  since?: string;
  /** The recorded changes the deployed commits belong to. */
  changes: { digest: string; verdict: Verdict; systems: string[]; commits: string[]; policyDigest: string }[];
  /** Approvals and sign-offs that count for those changes' exact content. */
  approvals: { digest: string; person: string; kind: 'approve' | 'sign-off'; at: string; signed: boolean }[];
  findings: { total: number; bySeverity: Record<Severity, number> };
  /** sha256 of the canonical catalog the gate decided under. */
  policyDigest: string;
  /** Present when the gate passed because of a break-glass override. */
  breakGlass?: { id: number; person: string; reason: string; incident?: string; expiresAt: string };
  /** ISO 8601 time of the decision. */
  verifiedAt: string;
}

export interface InTotoStatement<P = DeployPredicate> {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: { name: string; digest: { gitCommit: string } }[];
  predicateType: string;
  predicate: P;
}

/** The Statement for a deploy of `predicate.commit`; `subjectName` defaults to the commit sha. */
export function assembleDeployStatement(predicate: DeployPredicate, subjectName?: string): InTotoStatement {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: subjectName ?? predicate.commit, digest: { gitCommit: predicate.commit } }],
    predicateType: DEPLOY_PREDICATE_TYPE,
    predicate,
  };
}

/** Serialises the statement canonically (RFC 8785) and signs it into a DSSE envelope. */
export function signStatement(statement: InTotoStatement, key: SigningKey): DsseEnvelope {
  const body = Buffer.from(canonicalize(statement) ?? '', 'utf8');
  return signEnvelope(body, IN_TOTO_PAYLOAD_TYPE, key);
}
