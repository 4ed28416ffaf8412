/**
 * @module The requirement checklist: each requirement met or not, in words, with the reason it exists.
 */
import { describeRequirement } from '../../../cli/format/describe-requirement.js';
import type { Requirement } from '../../../core/requirement.js';
import { html, messageHtml, type SafeHtml } from '../html.js';

export function renderRequirementChecklist(requirements: readonly Requirement[]): SafeHtml {
  if (requirements.length === 0) return html`<p class="muted">Nothing is required: the change may ship as it is.</p>`;
  return html`<ul class="checklist" id="requirements">${requirements.map(
    (requirement) => html`<li class="${requirement.satisfied ? 'met' : 'unmet'}" data-requirement="${requirement.id}">
<span class="mark" aria-hidden="true">${requirement.satisfied ? '✓' : '✗'}</span>
<span><span class="visually-hidden">${requirement.satisfied ? 'Met: ' : 'Not met: '}</span>${messageHtml(describeRequirement(requirement))}
<br><span class="muted">${messageHtml(requirement.reason)}${requirement.enforcement === 'evaluate' ? ' · evaluate mode: reported, does not block' : ''}</span></span></li>`,
  )}</ul>`;
}
