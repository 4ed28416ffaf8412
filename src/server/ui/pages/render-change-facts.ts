/**
 * @module The facts of a recorded change: provenance and evidence, systems, documentation, findings, commits.
 */
import type { StoredChange } from '../../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import { provenanceLabel, severityBadge, shortId, tierBadge } from '../render-badges.js';

export function renderChangeFacts(change: StoredChange): SafeHtml {
  const evaluation = change.evaluation;
  const { provenance } = evaluation;
  const docs = evaluation.requirements.filter((r) => r.kind === 'docs');
  const required = [...new Set(docs.flatMap((r) => (r.kind === 'docs' ? r.sections : [])))];
  const missing = new Set(docs.flatMap((r) => (r.kind === 'docs' ? r.missing : [])));
  const present = evaluation.documentation.sections;
  const allSections = [...new Set([...required, ...present])];
  return html`<div class="grid2">
<section aria-labelledby="prov-h"><h2 id="prov-h">Provenance</h2>
<p>${provenanceLabel(provenance.level, provenance.tools)} · confidence ${Math.round(provenance.confidence * 100)}%${provenance.operators.length > 0 ? html` · operated by ${provenance.operators.join(', ')}` : ''}</p>
${provenance.evidence.length > 0
  ? html`<table><thead><tr><th scope="col">Marker</th><th scope="col">Evidence</th><th scope="col">Commit</th></tr></thead><tbody>${provenance.evidence.map(
      (e) => html`<tr><td>${e.marker}${e.tool ? html`<br><span class="muted">${e.tool}</span>` : ''}</td><td><code>${e.detail}</code></td><td>${e.commit ? shortId(e.commit) : html`<span class="muted">branch</span>`}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="muted">No AI markers found on any commit or the branch.</p>`}
</section>
<section aria-labelledby="docs-h"><h2 id="docs-h">Documentation</h2>
<p class="muted">From ${evaluation.documentation.source === 'file' ? html`<code>${evaluation.documentation.path ?? 'a file'}</code>` : evaluation.documentation.source === 'commits' ? 'commit messages' : 'nowhere: no documentation was found'}.</p>
${allSections.length > 0
  ? html`<ul class="checklist" id="docs">${allSections.map((section) => {
      const isMissing = missing.has(section) || !present.includes(section);
      return html`<li class="${isMissing ? 'unmet' : 'met'}"><span class="mark" aria-hidden="true">${isMissing ? '✗' : '✓'}</span><span class="${isMissing && required.includes(section) ? 'missing' : ''}">${section}${isMissing ? (required.includes(section) ? ' — missing (required)' : ' — missing') : ''}</span></li>`;
    })}</ul>`
  : html`<p class="muted">No sections required or present.</p>`}
</section>
</div>
<section aria-labelledby="sys-h"><h2 id="sys-h">Systems touched</h2>
<table id="systems"><thead><tr><th scope="col">System</th><th scope="col">Tier</th><th scope="col">Org</th><th scope="col">Owners</th><th scope="col">Director / VP</th><th scope="col" class="num">Files</th><th scope="col">Critical paths touched</th></tr></thead><tbody>
${evaluation.systems.map(
  (s) => html`<tr><td>${s.name}${s.unclaimed ? html` <span class="muted">(no system claims these files)</span>` : html` <span class="muted">${s.id}</span>`}</td><td>${tierBadge(s.tier)}</td><td>${s.org ?? ''}</td><td>${s.owners.join(', ')}</td><td>${[s.director, s.vp].filter(Boolean).join(' / ')}</td><td class="num">${s.files}</td><td>${s.criticalPaths.map((p) => html`<code>${p}</code> `)}</td></tr>`,
)}
</tbody></table></section>
<section aria-labelledby="find-h"><h2 id="find-h">Findings (${evaluation.findings.length})</h2>
${evaluation.findings.length > 0
  ? html`<table id="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Where</th></tr></thead><tbody>${evaluation.findings.map(
      (f) => html`<tr><td>${severityBadge(f.severity)}</td><td><code>${f.rule}</code></td><td>${f.message}${f.evidence ? html`<br><code>${f.evidence}</code>` : ''}${f.remediation ? html`<br><span class="muted">Fix: ${f.remediation}</span>` : ''}</td><td>${f.file ? html`<code>${f.file}${f.line ? `:${f.line}` : ''}</code>` : html`<span class="muted">whole change</span>`}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="muted">No findings.</p>`}
</section>
<section aria-labelledby="commits-h"><h2 id="commits-h">Commits</h2>
<table><thead><tr><th scope="col">Commit</th><th scope="col">Subject</th><th scope="col">Author</th></tr></thead><tbody>
${evaluation.change.commits.map((c) => html`<tr><td>${shortId(c.sha)}</td><td>${c.subject}</td><td>${c.author}</td></tr>`)}
</tbody></table>
${evaluation.notices.length > 0 ? html`<ul>${evaluation.notices.map((n) => html`<li class="muted">${n}</li>`)}</ul>` : ''}
</section>`;
}
