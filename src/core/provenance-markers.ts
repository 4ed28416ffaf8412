/**
 * @module The public conventions by which AI coding tools mark the commits they write or help write.
 *
 * Sources (each looked up in the tool's own documentation or in real commits; see
 * test/fixtures/provenance/README.md for the commit shapes):
 * - Claude Code adds `Co-Authored-By: Claude <noreply@anthropic.com>` (the name may carry the
 *   model, e.g. `Claude Opus 4.5`) and the footer `🤖 Generated with [Claude Code](https://claude.com/claude-code)`;
 *   on the web it adds `Claude-Session: https://claude.ai/code/session_…`; its GitHub app commits as
 *   `claude[bot] <209825114+claude[bot]@users.noreply.github.com>`.
 * - OpenAI Codex co-authors as `noreply@openai.com`; its cloud agent pushes `codex/…` branches and
 *   its GitHub connector is `chatgpt-codex-connector[bot]`.
 * - Cursor's agent uses `cursoragent@cursor.com` and the `Made-with: Cursor` trailer; its app is `cursor[bot]`.
 * - aider appends ` (aider)` to the author and committer names of commits it authored (committer
 *   only when it merely committed the user's own edits), can prefix messages with `aider: ` and
 *   co-authors as `aider (<model>) <noreply@aider.chat>` (`aider@aider.chat` also seen).
 * - GitHub Copilot's coding agent commits as `Copilot <198982749+Copilot@users.noreply.github.com>`
 *   (also seen with login `copilot-swe-agent[bot]`) on `copilot/…` branches; Copilot CLI co-authors
 *   as `223556219+Copilot`.
 * - The Linux kernel asks for `Assisted-by: AGENT_NAME:MODEL_VERSION [TOOL…]`
 *   (Documentation/process/coding-assistants.rst).
 *
 * Bare names are never markers: Claude, Devin and Jules are people's names, and "cursor",
 * "continue" or "copilot" are ordinary words. An address at `users.noreply.github.com` only marks
 * an AI when its login is one of the accounts below (and, for logins that are not `[bot]`
 * accounts, when its numeric id is the account's).
 */

/** A GitHub account an AI tool commits as: `<id>+<login>@users.noreply.github.com`. */
export interface AiGithubAccount {
  /** Login as GitHub spells it; matched case-insensitively. */
  login: string;
  /**
   * Known numeric user ids. A `[bot]` login cannot belong to a person, so an unlisted id still
   * matches (at lower confidence); any other login matches only with a listed id.
   */
  ids: number[];
  tool: string;
}

export const AI_GITHUB_ACCOUNTS: readonly AiGithubAccount[] = [
  { login: 'claude[bot]', ids: [209825114], tool: 'Claude Code' },
  { login: 'Copilot', ids: [198982749, 175728472, 223556219], tool: 'GitHub Copilot' },
  { login: 'copilot-swe-agent[bot]', ids: [198982749], tool: 'GitHub Copilot' },
  { login: 'copilot[bot]', ids: [167198135], tool: 'GitHub Copilot' },
  { login: 'devin-ai-integration[bot]', ids: [158243242], tool: 'Devin' },
  { login: 'google-labs-jules[bot]', ids: [161369871], tool: 'Jules' },
  { login: 'amazon-q-developer[bot]', ids: [208079219], tool: 'Amazon Q Developer' },
  { login: 'cursor[bot]', ids: [206951365], tool: 'Cursor' },
  { login: 'chatgpt-codex-connector[bot]', ids: [199175422], tool: 'OpenAI Codex' },
  { login: 'openai-codex[bot]', ids: [215057067], tool: 'OpenAI Codex' },
  { login: 'gemini-code-assist[bot]', ids: [176961590], tool: 'Gemini Code Assist' },
  { login: 'factory-droid[bot]', ids: [138933559], tool: 'Factory Droid' },
];

/** Exact addresses (lower case) AI tools commit or co-author as. */
export const AI_EMAILS: ReadonlyMap<string, string> = new Map([
  ['noreply@anthropic.com', 'Claude Code'],
  ['noreply@openai.com', 'OpenAI Codex'],
  ['codex@openai.com', 'OpenAI Codex'],
  ['cursoragent@cursor.com', 'Cursor'],
]);

/** Domains whose every address is an AI tool's (lower case). */
export const AI_EMAIL_DOMAINS: ReadonlyMap<string, string> = new Map([['aider.chat', 'aider']]);

/** Footer lines agents append to commit messages (matched against whole, trimmed lines). */
export const AGENT_FOOTERS: readonly { pattern: RegExp; tool: string }[] = [
  { pattern: /^(?:🤖\s*)?Generated with \[Claude Code\]\(https?:\/\/[^\s)]+\)$/, tool: 'Claude Code' },
  { pattern: /^(?:🤖\s*)?Generated with \[opencode\]\(https?:\/\/[^\s)]+\)$/i, tool: 'opencode' },
  { pattern: /^(?:🤖\s*)?Generated with \[Devin\]\(https?:\/\/[^\s)]*devin\.ai[^\s)]*\)$/, tool: 'Devin' },
];

/**
 * Product names no person is called, accepted as the whole value of `Assisted-by:` (optionally
 * followed by a version); single words such as Claude, Devin or Cursor are not on this list.
 */
export const AI_PRODUCT_NAMES: ReadonlyMap<string, string> = new Map([
  ['claude code', 'Claude Code'],
  ['github copilot', 'GitHub Copilot'],
  ['copilot coding agent', 'GitHub Copilot'],
  ['openai codex', 'OpenAI Codex'],
  ['codex cli', 'OpenAI Codex'],
  ['chatgpt', 'ChatGPT'],
  ['cursor agent', 'Cursor'],
  ['gemini cli', 'Gemini CLI'],
  ['gemini code assist', 'Gemini Code Assist'],
  ['amazon q developer', 'Amazon Q Developer'],
]);

/** The product an `Assisted-by:` value names, e.g. `GitHub Copilot` or `Claude Code 2.1`. */
export function aiProductName(value: string): string | undefined {
  const name = value
    .trim()
    .toLowerCase()
    .replace(/\s+v?\d[\w.-]*$/, '');
  return AI_PRODUCT_NAMES.get(name);
}

/** Branch prefixes agents create their branches under. */
export const AGENT_BRANCH_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['copilot/', 'GitHub Copilot'],
  ['codex/', 'OpenAI Codex'],
  ['claude/', 'Claude Code'],
  ['cursor/', 'Cursor'],
  ['devin/', 'Devin'],
]);

/** aider's marks: ` (aider)` after a name, `aider: ` before a message. */
export const AIDER_NAME_SUFFIX = /\s\(aider\)$/;
export const AIDER_MESSAGE_PREFIX = /^aider: /;

/** How sure each marker is that AI was involved (0..1). Explicit identities are near 1; branch names are weaker. */
export const MARKER_CONFIDENCE = {
  'bot-author': 0.99,
  'bot-author-unlisted-id': 0.85,
  'ai-author': 0.95,
  'aider-author': 0.95,
  'catalog-ai-author': 0.95,
  'agent-footer': 0.95,
  'claude-session': 0.95,
  'ai-tool-trailer': 0.9,
  'co-authored-by': 0.95,
  'assisted-by': 0.9,
  'made-with': 0.9,
  'ai-committer': 0.9,
  'aider-committer': 0.9,
  'aider-prefix': 0.8,
  'catalog-trailer': 0.8,
  'branch-prefix': 0.6,
  'catalog-branch-prefix': 0.7,
} as const;
export type ProvenanceMarker = keyof typeof MARKER_CONFIDENCE;

const NOREPLY = /^(?:(\d+)\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/** The login (and id, when present) of a GitHub noreply address. */
export function githubNoreply(email: string): { login: string; id?: number } | undefined {
  const match = NOREPLY.exec(email.trim());
  if (!match) return undefined;
  return match[1] !== undefined ? { login: match[2]!, id: Number(match[1]) } : { login: match[2]! };
}

/** The AI account a noreply address belongs to, and whether its id is a known one. */
export function matchAiGithubAccount(email: string): { account: AiGithubAccount; knownId: boolean } | undefined {
  const noreply = githubNoreply(email);
  if (!noreply) return undefined;
  const login = noreply.login.toLowerCase();
  const account = AI_GITHUB_ACCOUNTS.find((candidate) => candidate.login.toLowerCase() === login);
  if (!account) return undefined;
  const knownId = noreply.id !== undefined && account.ids.includes(noreply.id);
  if (knownId) return { account, knownId };
  return account.login.endsWith('[bot]') ? { account, knownId: false } : undefined;
}

/** The AI tool an email address belongs to, from the built-in tables (not the catalog). */
export function builtInAiTool(email: string): string | undefined {
  const lower = email.trim().toLowerCase();
  const exact = AI_EMAILS.get(lower);
  if (exact) return exact;
  const domain = lower.slice(lower.lastIndexOf('@') + 1);
  return AI_EMAIL_DOMAINS.get(domain) ?? matchAiGithubAccount(lower)?.account.tool;
}

/** Splits `Name <email>` (as in `Co-authored-by:`); `undefined` when there is no address. */
export function parseIdentity(value: string): { name: string; email: string } | undefined {
  const match = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value.trim());
  return match ? { name: match[1]!.trim(), email: match[2]! } : undefined;
}
