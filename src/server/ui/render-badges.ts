/**
 * @module Small inline labels: verdict, tier, severity, provenance — text first, colour second.
 */
import type { Verdict } from '../../core/evaluation.js';
import type { Severity } from '../../core/finding.js';
import type { ProvenanceLevel } from '../../core/provenance.js';
import { html, type SafeHtml } from './html.js';

const VERDICT_TEXT: Record<Verdict, string> = { allow: 'allowed', 'needs-approval': 'needs approval', blocked: 'blocked' };

export function verdictBadge(verdict: Verdict): SafeHtml {
  return html`<span class="badge v-${verdict}">${VERDICT_TEXT[verdict]}</span>`;
}

export function tierBadge(tier: 1 | 2 | 3): SafeHtml {
  return html`<span class="badge tier-${tier}">tier ${tier}</span>`;
}

export function severityBadge(severity: Severity): SafeHtml {
  return html`<span class="badge sev-${severity}">${severity}</span>`;
}

export function provenanceLabel(level: ProvenanceLevel, tools: readonly string[] = []): SafeHtml {
  const text = level === 'human' ? 'human' : level === 'ai-assisted' ? 'AI-assisted' : 'AI-authored';
  return html`<span class="prov-${level}">${text}${tools.length > 0 ? html` <span class="muted">(${tools.join(', ')})</span>` : ''}</span>`;
}

/** The first 12 hex digits of a digest or sha, in monospace, with the full value as a tooltip. */
export function shortId(id: string): SafeHtml {
  return html`<code title="${id}">${id.slice(0, 12)}</code>`;
}
