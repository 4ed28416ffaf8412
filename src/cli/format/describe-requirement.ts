/**
 * @module One line of words per requirement, shared by the text and markdown reports.
 */
import type { Requirement } from '../../core/requirement.js';

/** What the requirement asks for, e.g. `2 approvals from people other than carol (≥1 from checkout-eng)`. */
export function describeRequirement(requirement: Requirement): string {
  switch (requirement.kind) {
    case 'approvals': {
      const others = requirement.excluded.filter((id) => !id.includes('[bot]'));
      const who = others.length > 0 ? `people other than ${others.join(', ')}` : 'people who did not write it';
      const plural = requirement.minimum === 1 ? 'approval' : 'approvals';
      const owners = requirement.minimumFromOwners > 0 ? ` (≥${requirement.minimumFromOwners} from ${requirement.ownersLabel})` : '';
      const progress = requirement.approvedBy.length > 0 ? `; approved by ${requirement.approvedBy.join(', ')}` : '';
      const signed = requirement.signaturesRequired ? ', signed' : '';
      return `${requirement.minimum} ${plural}${signed} from ${who}${owners}${progress}`;
    }
    case 'docs':
      return requirement.missing.length > 0
        ? `docs: ${requirement.missing.join(', ')}`
        : `docs: ${requirement.sections.join(', ')}`;
    case 'sign-off':
      return requirement.person
        ? `sign-off by ${requirement.role} ${requirement.person}`
        : `sign-off by a ${requirement.role} (none named in the catalog)`;
    case 'no-rejection':
      return `rejection withdrawn by ${requirement.rejectedBy.join(', ')}`;
    case 'no-freeze':
      return `no change freeze (${requirement.freezes.join(', ')})`;
    case 'agentic-review':
      return 'agentic review';
  }
}
