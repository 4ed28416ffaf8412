/**
 * @module The digest of the policy a decision was made under (one definition, in the core).
 */
export { digestPolicy as policyDigestOf } from '../core/catalog/policy-digest.js';
