/**
 * @module The parts of the review request around the diff: change facts, systems, provenance,
 * deterministic findings, commit messages and documentation, each within its own size cap.
 *
 * Everything the change's author controls is fenced or quoted as untrusted; what a cap cuts is
 * returned so the request and the result can list it.
 */
import type { CatalogSystem } from '../core/catalog/catalog-schema.js';
import type { Change } from '../core/change.js';
import type { Documentation } from '../core/documentation.js';
import { compareFindings, type Finding } from '../core/finding.js';
import type { Provenance } from '../core/provenance.js';
import { fenceUntrusted, quoteUntrusted } from './fence-untrusted.js';

export interface RenderedSection {
  text: string;
  truncated: string[];
}

/** Digest, range, branch and size of the change. */
export function renderChangeFacts(change: Change): string {
  return [
    '## Change',
    `digest: ${change.digest}`,
    `source: ${change.source} (${change.base}..${change.head})`,
    ...(change.branch ? [`branch: ${quoteUntrusted(change.branch)}`] : []),
    `size: ${change.stats.files} files, +${change.stats.additions} -${change.stats.deletions}`,
  ].join('\n');
}

/** Systems the change touches, with tier and description from the catalog (trusted). */
export function renderSystems(systems: readonly CatalogSystem[], defaultTier: number, unclaimed: boolean): string {
  const lines = systems.map((s) => {
    const description = s.description ? `: ${s.description.slice(0, 300)}` : '';
    const critical = s.critical.length > 0 ? ` Critical paths: ${s.critical.join(', ')}.` : '';
    return `- ${s.id}${s.name ? ` (${s.name})` : ''}, tier ${s.tier}${description}${critical}`;
  });
  if (unclaimed) lines.push(`- files no catalog system claims, default tier ${defaultTier}`);
  return ['## Systems touched (from the catalog)', ...(lines.length > 0 ? lines : ['- none'])].join('\n');
}

/** How the change was written; evidence details are author-supplied and quoted. */
export function renderProvenance(provenance: Provenance): string {
  const evidence = provenance.evidence
    .slice(0, 10)
    .map((e) => `- ${e.marker}${e.tool ? ` (${e.tool})` : ''}: ${quoteUntrusted(e.detail.slice(0, 200))}`);
  return [
    '## Provenance (detected by Tollgate)',
    `level: ${provenance.level}; confidence ${provenance.confidence}; tools: ${provenance.tools.join(', ') || 'none'}`,
    ...evidence,
  ].join('\n');
}

/** Deterministic findings, most severe first, until `maxChars` is reached. */
export function renderFindings(findings: readonly Finding[], maxChars: number): RenderedSection {
  const sorted = [...findings].sort(compareFindings);
  const lines = ['## Findings of the deterministic rules (already reported; do not repeat them)'];
  let used = lines[0]!.length;
  let shown = 0;
  for (const f of sorted) {
    const where = f.file ? ` ${quoteUntrusted(f.file)}${f.line ? `:${f.line}` : ''}` : '';
    const evidence = f.evidence ? `; evidence: ${quoteUntrusted(f.evidence.slice(0, 300))}` : '';
    const line = `- [${f.severity}] ${f.rule}${where}: ${f.message}${evidence}`;
    if (used + line.length + 1 > maxChars) break;
    lines.push(line);
    used += line.length + 1;
    shown += 1;
  }
  if (sorted.length === 0) lines.push('- none');
  const cut = sorted.length - shown;
  return {
    text: lines.join('\n') + (cut > 0 ? `\n- … ${cut} less severe findings cut to fit the budget` : ''),
    truncated: cut > 0 ? [`deterministic findings: ${cut} of ${sorted.length} not shown`] : [],
  };
}

/** Commit subjects and messages, newest last, as untrusted text within `maxChars`. */
export function renderCommits(change: Change, maxChars: number): RenderedSection {
  if (change.commits.length === 0) return { text: '', truncated: [] };
  const full = change.commits.map((c) => `commit ${c.sha.slice(0, 12)} by ${c.author.email}\n${c.message.trim()}\n`).join('\n');
  const cut = full.length > maxChars;
  return {
    text: `## Commit messages\n${fenceUntrusted('text', cut ? full.slice(0, maxChars) : full)}`,
    truncated: cut ? [`commit messages: cut after ${maxChars} of ${full.length} characters`] : [],
  };
}

/** Documentation sections as untrusted text, each within `maxChars / sections`. */
export function renderDocumentation(documentation: Documentation, maxChars: number): RenderedSection {
  const names = Object.keys(documentation.sections).sort();
  const origin = documentation.source === 'file' ? `file ${quoteUntrusted(documentation.path ?? '')}` : documentation.source;
  if (names.length === 0) {
    return { text: `## Change documentation (source: ${origin})\nNo documentation sections were found.`, truncated: [] };
  }
  const share = Math.floor(maxChars / names.length);
  const truncated: string[] = [];
  const parts = names.map((name) => {
    const body = documentation.sections[name] ?? '';
    if (body.length > share) truncated.push(`documentation section ${name}: cut after ${share} of ${body.length} characters`);
    const label = /^[a-z0-9-]{1,40}$/.test(name) ? name : quoteUntrusted(name);
    return `### ${label}\n${fenceUntrusted('markdown', body.length > share ? body.slice(0, share) : body)}`;
  });
  return { text: [`## Change documentation (source: ${origin})`, ...parts].join('\n'), truncated };
}
