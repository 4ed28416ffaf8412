/**
 * @module Parses change documentation (a markdown file or commit messages) into named sections.
 *
 * Sections start at markdown headings (`#`…`######`, or `Title` underlined with `===`/`---`), at a
 * bold line naming a known section (`**Testing**`), or at a label line naming one (`Risk: low`,
 * `**Rollback plan:** revert`) — labels are how commit messages carry sections. A section runs to
 * the next heading of the same or a higher level, so `### Unit` text under `## Testing` counts for
 * testing. Names are normalised (`How was this tested?` → `testing`); sections that say nothing
 * (empty, N/A, TODO, HTML comments, template prompts) are left out.
 */
import type { Commit } from './change.js';
import type { Documentation } from './documentation.js';
import { isBoilerplate, knownSectionName, normalizeSectionName } from './documentation-sections.js';

interface Marker {
  /** Line where the section's content starts. */
  contentStart: number;
  /** Line of the heading itself. */
  line: number;
  /** 1–6 for headings, 7 for bold lines and labels (they nest under everything). */
  level: number;
  name: string;
  /** Text after a label's colon. */
  inline: string;
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const BOLD_LINE = /^\s*(\*\*|__)([^*_]+?)\s*:?\s*\1\s*:?\s*$/;
const LABEL = /^\s*(?:\*\*|__)?([A-Za-z][A-Za-z0-9 ?/&'-]{0,40}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*)$/;

function findMarkers(lines: string[]): Marker[] {
  const markers: Marker[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const atx = ATX.exec(line);
    if (atx) {
      markers.push({ line: i, contentStart: i + 1, level: atx[1]!.length, name: normalizeSectionName(atx[2]!), inline: '' });
      continue;
    }
    const next = lines[i + 1];
    const known = knownSectionName(line);
    if (known && next !== undefined && SETEXT.test(next)) {
      markers.push({ line: i, contentStart: i + 2, level: next.trim().startsWith('=') ? 1 : 2, name: known, inline: '' });
      i += 1;
      continue;
    }
    const bold = BOLD_LINE.exec(line);
    const boldName = bold ? knownSectionName(bold[2]!) : undefined;
    if (boldName) {
      markers.push({ line: i, contentStart: i + 1, level: 7, name: boldName, inline: '' });
      continue;
    }
    const label = LABEL.exec(line);
    const labelName = label ? knownSectionName(label[1]!) : undefined;
    if (labelName) markers.push({ line: i, contentStart: i + 1, level: 7, name: labelName, inline: label![2]! });
  }
  return markers;
}

interface ParsedSections {
  sections: Record<string, string>;
  /** Text before the first section marker. */
  lead: string;
}

function addSection(sections: Record<string, string>, name: string, text: string): void {
  if (name === '' || isBoilerplate(text)) return;
  sections[name] = sections[name] ? `${sections[name]}\n\n${text}` : text;
}

function parseSections(markdown: string): ParsedSections {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(?:-->|$)/g, '').split('\n');
  const markers = findMarkers(lines);
  const sections: Record<string, string> = {};
  markers.forEach((marker, index) => {
    const end = markers.slice(index + 1).find((other) => other.level <= marker.level)?.line ?? lines.length;
    const body = [marker.inline, ...lines.slice(marker.contentStart, end)].join('\n').trim();
    addSection(sections, marker.name, body);
  });
  const lead = lines.slice(0, markers[0]?.line ?? lines.length).join('\n').trim();
  return { sections, lead };
}

/**
 * Parses a documentation file (or any markdown) into sections.
 *
 * @example
 * ```ts
 * parseDocumentation('## Rollback plan\nRevert the commit.\n\n## Testing\nN/A\n', 'file', 'CHANGE.md');
 * // { source: 'file', path: 'CHANGE.md', sections: { rollback: 'Revert the commit.' } }
 * ```
 */
export function parseDocumentation(markdown: string, source: 'file' | 'commits', path?: string): Documentation {
  const { sections, lead } = parseSections(markdown);
  // Prose before any heading is what a summary is, when no section is called that.
  if (sections.summary === undefined) addSection(sections, 'summary', lead);
  return { source, ...(path !== undefined ? { path } : {}), sections };
}

const FOOTER = /^\s*(?:🤖\s*)?Generated with \[[^\]]+\]\([^)]*\)\s*$/;

/** A commit message's body without its subject, agent footers and trailers (except trailers that are section labels). */
function commitBody(commit: Commit): string {
  const keys = new Set(commit.trailers.map((trailer) => trailer.key.toLowerCase()).filter((key) => knownSectionName(key) === undefined));
  const lines = commit.message.replace(/\r\n?/g, '\n').split('\n').slice(1);
  return lines
    .filter((line) => !FOOTER.test(line))
    .filter((line) => {
      const key = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:/.exec(line)?.[1];
      return key === undefined || !keys.has(key.toLowerCase());
    })
    .join('\n');
}

/**
 * Builds documentation from the commits' messages: labelled or headed sections of every body,
 * and, when no commit has a summary section, the bodies' leading prose as the summary.
 * Subjects alone never count (a one-line commit documents nothing).
 */
export function documentationFromCommits(commits: readonly Commit[]): Documentation {
  if (commits.length === 0) return { source: 'none', sections: {} };
  const sections: Record<string, string> = {};
  const leads: string[] = [];
  for (const commit of commits) {
    const parsed = parseSections(commitBody(commit));
    for (const [name, text] of Object.entries(parsed.sections)) addSection(sections, name, text);
    if (!isBoilerplate(parsed.lead)) leads.push(parsed.lead);
  }
  if (sections.summary === undefined && leads.length > 0) sections.summary = leads.join('\n\n');
  return { source: 'commits', sections };
}
