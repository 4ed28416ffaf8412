/**
 * @module Decides whether a change is human, AI-assisted or AI-authored, with evidence, tools and operators.
 *
 * Levels per marker (why):
 * - **ai-authored**: an AI identity is the commit's author (bot account, AI tool address, catalog
 *   person with `ai: true`, catalog `ai.emails`, ` (aider)` after the author name); an agent footer
 *   (`Generated with [Claude Code](…)`); `Claude-Session:` (Claude Code on the web ran the session);
 *   an explicit `AI-Tool:` trailer (the author declares the tool wrote it); an agent branch prefix.
 * - **ai-assisted**: an AI co-author (`Co-authored-by:` with an AI address), `Assisted-by:` (the
 *   kernel's form: a human submits and vouches), `Made-with: Cursor`, aider's `aider: ` prefix or
 *   ` (aider)` on the committer only (aider committed edits the human made), an AI committer of a
 *   human-authored commit, catalog `ai.trailers`.
 * The change takes the highest level of any commit: when in doubt, more friction.
 *
 * Operators are the humans who drove the AI: the human committer (and human co-authors) of a
 * commit an AI authored, the human author of a commit an AI only helped with.
 */
import picomatch from 'picomatch';
import type { Catalog, CatalogPerson } from './catalog/catalog-schema.js';
import type { Change, Commit, Person } from './change.js';
import { PROVENANCE_LEVELS, type Provenance, type ProvenanceEvidence, type ProvenanceLevel } from './provenance.js';
import {
  AGENT_BRANCH_PREFIXES,
  AGENT_FOOTERS,
  AIDER_MESSAGE_PREFIX,
  AIDER_NAME_SUFFIX,
  aiProductName,
  AI_EMAILS,
  AI_EMAIL_DOMAINS,
  githubNoreply,
  MARKER_CONFIDENCE,
  matchAiGithubAccount,
  parseIdentity,
  type ProvenanceMarker,
} from './provenance-markers.js';

/** GitHub's web-flow committer (merges and edits made in the web UI): a machine, never an operator. */
const WEB_FLOW = 'noreply@github.com';
/** `AI-Tool:` values that declare that no tool was used. */
const NO_TOOL = /^\s*(none|no|n\/?a|-*)\s*$/i;
/** `Assisted-by: AGENT:MODEL [TOOLS]` as the kernel defines it. */
const ASSISTED_BY_FORM = /^([A-Za-z0-9][\w .-]*?):\S+/;

interface AiIdentity {
  marker: Extract<ProvenanceMarker, 'bot-author' | 'bot-author-unlisted-id' | 'ai-author' | 'catalog-ai-author'>;
  tool?: string;
}

/** Who is who: AI identities and catalog people, by email and GitHub login. */
class IdentityIndex {
  private readonly byEmail = new Map<string, CatalogPerson>();
  private readonly byGithub = new Map<string, CatalogPerson>();
  private readonly aiGlob: (email: string) => boolean;

  constructor(catalog: Catalog) {
    for (const person of catalog.people) {
      for (const email of person.emails) this.byEmail.set(email.toLowerCase(), person);
      if (person.github) this.byGithub.set(person.github.toLowerCase(), person);
    }
    this.aiGlob = catalog.ai.emails.length > 0 ? picomatch(catalog.ai.emails, { nocase: true, dot: true }) : () => false;
  }

  person(email: string): CatalogPerson | undefined {
    const lower = email.trim().toLowerCase();
    const direct = this.byEmail.get(lower);
    if (direct) return direct;
    const noreply = githubNoreply(lower);
    return noreply ? this.byGithub.get(noreply.login) : undefined;
  }

  ai(person: Person): AiIdentity | undefined {
    const email = person.email.trim().toLowerCase();
    const account = matchAiGithubAccount(email);
    if (account) return { marker: account.knownId ? 'bot-author' : 'bot-author-unlisted-id', tool: account.account.tool };
    const tool = AI_EMAILS.get(email) ?? AI_EMAIL_DOMAINS.get(email.slice(email.lastIndexOf('@') + 1));
    if (tool) return { marker: 'ai-author', tool };
    const known = this.person(email);
    if (known?.ai) return { marker: 'catalog-ai-author', tool: known.name ?? known.id };
    if (email.includes('@') && this.aiGlob(email)) return { marker: 'catalog-ai-author' };
    return undefined;
  }

  /** Catalog id of a human, or their lower-cased email when the catalog does not know them. */
  operatorId(person: Person): string | undefined {
    const email = person.email.trim().toLowerCase();
    if (email === '' || email === WEB_FLOW || this.ai(person)) return undefined;
    return this.person(email)?.id ?? email;
  }
}

const identity = (person: Person): string => `${person.name} <${person.email}>`;

function evidence(commit: string | undefined, marker: ProvenanceMarker, detail: string, level: ProvenanceEvidence['level'], tool?: string): ProvenanceEvidence {
  return { ...(commit ? { commit } : {}), marker, detail, level, ...(tool ? { tool } : {}) };
}

/** Every marker one commit carries, and whether an AI is its author. */
function commitEvidence(commit: Commit, index: IdentityIndex, extraKeys: ReadonlySet<string>): { found: ProvenanceEvidence[]; authoredByAi: boolean } {
  const found: ProvenanceEvidence[] = [];
  const add = (marker: ProvenanceMarker, detail: string, level: ProvenanceEvidence['level'], tool?: string): void => {
    found.push(evidence(commit.sha, marker, detail, level, tool));
  };
  const author = index.ai(commit.author);
  const aiderAuthor = !author && AIDER_NAME_SUFFIX.test(commit.author.name);
  if (author) add(author.marker, `author ${identity(commit.author)}`, 'ai-authored', author.tool);
  else if (aiderAuthor) add('aider-author', `author ${identity(commit.author)}`, 'ai-authored', 'aider');
  const committer = index.ai(commit.committer);
  if (committer && !author) add('ai-committer', `committer ${identity(commit.committer)}`, 'ai-assisted', committer.tool);
  else if (!author && !aiderAuthor && AIDER_NAME_SUFFIX.test(commit.committer.name)) {
    add('aider-committer', `committer ${identity(commit.committer)}`, 'ai-assisted', 'aider');
  }
  if (AIDER_MESSAGE_PREFIX.test(commit.subject)) add('aider-prefix', commit.subject, 'ai-assisted', 'aider');

  for (const line of commit.message.split('\n')) {
    const text = line.trim();
    const footer = AGENT_FOOTERS.find((candidate) => candidate.pattern.test(text));
    if (footer) add('agent-footer', text, 'ai-authored', footer.tool);
  }

  for (const { key, value } of commit.trailers) {
    const lower = key.toLowerCase();
    const line = `${key}: ${value}`;
    if (lower === 'co-authored-by') {
      const person = parseIdentity(value);
      const ai = person ? index.ai(person) : undefined;
      if (ai) add('co-authored-by', line, 'ai-assisted', ai.tool);
    } else if (lower === 'claude-session') {
      add('claude-session', line, 'ai-authored', 'Claude Code');
    } else if (lower === 'ai-tool' && !NO_TOOL.test(value)) {
      add('ai-tool-trailer', line, 'ai-authored', value);
    } else if (lower === 'assisted-by') {
      const person = parseIdentity(value);
      const ai = person ? index.ai(person) : undefined;
      const form = ASSISTED_BY_FORM.exec(value);
      const product = aiProductName(value);
      // A person credited with `Name <email>` is not an AI; the kernel's AGENT:MODEL form is.
      if (ai) add('assisted-by', line, 'ai-assisted', ai.tool);
      else if (product) add('assisted-by', line, 'ai-assisted', product);
      else if (form && !person) add('assisted-by', line, 'ai-assisted', form[1]!.trim());
    } else if (lower === 'made-with' && /^cursor\b/i.test(value)) {
      add('made-with', line, 'ai-assisted', 'Cursor');
    }
    if (extraKeys.has(lower)) add('catalog-trailer', line, 'ai-assisted');
  }
  return { found, authoredByAi: author !== undefined || aiderAuthor };
}

function branchEvidence(branch: string | undefined, catalog: Catalog): ProvenanceEvidence[] {
  if (!branch) return [];
  for (const [prefix, tool] of AGENT_BRANCH_PREFIXES) {
    if (branch.startsWith(prefix)) return [evidence(undefined, 'branch-prefix', `branch ${branch}`, 'ai-authored', tool)];
  }
  const custom = catalog.ai.branchPrefixes.find((prefix) => prefix !== '' && branch.startsWith(prefix));
  return custom ? [evidence(undefined, 'catalog-branch-prefix', `branch ${branch}`, 'ai-authored')] : [];
}

/** The humans who drove the AI in one commit. */
function commitOperators(commit: Commit, authoredByAi: boolean, index: IdentityIndex): string[] {
  if (!authoredByAi) {
    const author = index.operatorId(commit.author);
    return author ? [author] : [];
  }
  const operators: string[] = [];
  const committer = index.operatorId(commit.committer);
  if (committer) operators.push(committer);
  for (const { key, value } of commit.trailers) {
    if (key.toLowerCase() !== 'co-authored-by') continue;
    const person = parseIdentity(value);
    const id = person ? index.operatorId(person) : undefined;
    if (id) operators.push(id);
  }
  return operators;
}

const rank = (level: ProvenanceLevel): number => PROVENANCE_LEVELS.indexOf(level);

/**
 * Detects the provenance of a change from its commits, branch and the catalog's AI markers. Pure.
 *
 * @example
 * ```ts
 * detectProvenance(change, catalog);
 * // { level: 'ai-authored', confidence: 0.99, tools: ['Claude Code'], operators: ['carol'], evidence: [...] }
 * ```
 */
export function detectProvenance(change: Change, catalog: Catalog): Provenance {
  const index = new IdentityIndex(catalog);
  const extraKeys = new Set(catalog.ai.trailers.map((key) => key.toLowerCase()));
  const all: ProvenanceEvidence[] = [];
  const operators = new Set<string>();
  for (const commit of change.commits) {
    const { found, authoredByAi } = commitEvidence(commit, index, extraKeys);
    all.push(...found);
    if (found.length === 0) continue;
    for (const id of commitOperators(commit, authoredByAi, index)) operators.add(id);
  }
  const branch = branchEvidence(change.branch, catalog);
  all.push(...branch);
  if (branch.length > 0) {
    for (const commit of change.commits) {
      for (const id of commitOperators(commit, index.ai(commit.author) !== undefined, index)) operators.add(id);
    }
  }
  const seen = new Set<string>();
  const unique = all.filter((item) => {
    const key = `${item.commit ?? ''}\0${item.marker}\0${item.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) {
    // No marker is weak evidence of a human: markers are easy to strip, and without commits there is little to go on.
    return { level: 'human', confidence: change.commits.length > 0 ? 0.5 : 0.3, tools: [], operators: [], evidence: [] };
  }
  const level = unique.reduce<ProvenanceLevel>((best, item) => (rank(item.level) > rank(best) ? item.level : best), 'human');
  // Independent markers at the chosen level combine like a noisy OR.
  const doubt = unique.filter((item) => item.level === level).reduce((product, item) => product * (1 - MARKER_CONFIDENCE[item.marker as ProvenanceMarker]), 1);
  const tools = [...new Set(unique.flatMap((item) => (item.tool ? [item.tool] : [])))];
  return {
    level,
    confidence: Math.min(0.99, Math.round((1 - doubt) * 100) / 100),
    tools,
    operators: [...operators].sort(),
    evidence: unique,
  };
}
