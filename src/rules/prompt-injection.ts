/**
 * @module Rule `prompt-injection`: added text that addresses AI reviewers or agents, or hides text from people.
 *
 * Text in a diff is data, never instructions; this rule makes attempts to instruct visible to the
 * humans who approve. Phrases are matched case-insensitively with bounded gaps (linear time).
 */
import * as z from 'zod';
import type { Commit } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { HIDDEN_HINT, findHiddenText, makeVisible, withoutInvisible } from './hidden-text.js';
import { HUNK_PRECHECKS } from './hunk-prechecks.js';
import { foldLookAlikes, LOOK_ALIKE_HINT } from './look-alike-letters.js';
import { PHRASE_HINT_LOWER } from './prompt-injection-hint.js';
import { compilePathGlobs } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';

const ID = 'prompt-injection';

const settingsSchema = z.strictObject({
  /** Paths never scanned, e.g. a test corpus of injection attempts. */
  ignorePaths: z.array(z.string().min(1)).default([]),
  /** Zero-width or invisible characters in one line that count as hiding something. */
  minInvisible: z.int().min(1).default(3),
});

const AI = '(?:ai|llm|assistant|agent|bot|model|reviewer|copilot|claude|gpt|chatgpt|codex|gemini|cursor)';

/** Phrases that address an AI reader, each with what it tries to do. */
const PHRASES: readonly { label: string; regex: RegExp }[] = [
  {
    label: 'tells the reader to ignore its instructions',
    regex: /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|my\s+)?(?:previous|prior|above|preceding|earlier|original|system)\s+(?:instructions?|prompts?|directions?|rules?|messages?|guidelines?|context)\b/i,
  },
  { label: 'tells the reader to disregard what came before', regex: /\bdisregard\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+)?(?:above|previous|prior|preceding|earlier)\b/i },
  { label: 'assigns the reader a new role', regex: new RegExp(`\\byou\\s+are\\s+now\\s+(?:a\\s+|an\\s+|the\\s+|in\\s+|my\\s+)?(?:[\\w-]+\\s+){0,2}(?:${AI}|dan|mode)\\b`, 'i') },
  {
    label: 'asks an AI reviewer to approve',
    regex: /\bas\s+an?\s+(?:ai|llm|automated|language\s+model)(?:\s+code)?\s+(?:reviewer|assistant|agent|model)\b[^\n]{0,160}?\b(?:approve|lgtm|safe|pass|accept)/i,
  },
  { label: 'asks for approval', regex: /\b(?:approve|lgtm)\s+(?:this|the)\s+(?:pr|pull\s+request|change|changes|merge\s+request|mr|diff|commit|patch)\b/i },
  { label: 'asks to be marked safe', regex: /\bmark\s+(?:this|it|the\s+(?:change|pr|diff|code))\s+as\s+(?:safe|approved|low[\s-]risk|benign|secure|reviewed)\b/i },
  {
    label: 'speaks as or about the system prompt',
    regex: /\b(?:ignore|reveal|print|show|repeat|override|disregard|forget|new|updated|replace)\s+(?:the\s+|your\s+)?system\s+prompt\b|\bsystem\s+prompt\s*:|<\|im_start\|>|<\|system\|>|\[INST\]/i,
  },
  { label: 'addresses AI tools in a hidden comment', regex: new RegExp(`<!--\\s*${AI}s?\\b[^>]{0,20}?[:,-]`, 'i') },
  { label: 'addresses AI readers', regex: new RegExp(`\\b(?:note|message|instructions?)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+)?${AI}s?\\b`, 'i') },
  { label: 'addresses AI readers', regex: /(?:^|[^\w-])(?:dear\s+)?(?:ai|llm)\s+(?:code\s+)?(?:reviewers?|agents?|assistants?)\s*[:,]\s/i },
  {
    label: 'tells the reader not to report findings',
    regex: /\bdo\s+not\s+(?:flag|report|mention|comment\s+on|raise)\s+(?:this|these|any)\s+(?:issues?|findings?|changes?|lines?|problems?|vulnerabilit(?:y|ies))\b/i,
  },
];

const DISGUISED = 'writes it in letters that only look Latin';

/** The same test for a line as written (case-insensitive). */
const PHRASE_HINT = new RegExp(PHRASE_HINT_LOWER.source, 'i');

/** A line without its comment or quote markers and surrounding blanks (`// `, `# `, ` * `, `> `), as a reader sees its letters. */
function unwrapped(text: string): string {
  return foldLookAlikes(withoutInvisible(text)).replace(/^\s*(?:\/\/+|#+|\*+|>+|--|;+)?\s*/, '').trim();
}

/** The phrases `text` contains. */
function findPhrases(text: string): string[] {
  if (!PHRASE_HINT.test(text)) return [];
  return [...new Set(PHRASES.filter((p) => p.regex.test(text)).map((p) => p.label))];
}

export const promptInjectionRule: BuiltinRule = {
  id: ID,
  description: 'Added text that addresses AI reviewers or agents ("ignore previous instructions", "approve this") or hides text in invisible Unicode',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const ignored = compilePathGlobs(settings.ignorePaths);
    for (const file of input.change.files) {
      if (file.binary || ignored(file.path)) continue;
      for (const hunk of file.hunks) {
        if (!HUNK_PRECHECKS['prompt-injection'](hunk)) continue;
        let previous: { line: number; text: string; said: string[] } | undefined;
        for (const line of hunk.added) {
          const text = line.text;
          const invisible = HIDDEN_HINT.test(text);
          const hidden = invisible ? findHiddenText(text, settings.minInvisible, line.line === 1) : undefined;
          // Hidden tag characters may spell an instruction, and a zero-width character inside a word
          // (`ig\u200Bnore`) breaks it for a pattern but not for a reader: check what they say as well.
          const plain = [...findPhrases(text), ...(hidden?.decoded ? findPhrases(hidden.decoded) : []), ...(invisible ? findPhrases(withoutInvisible(text)) : [])];
          // Letters that only look Latin (`іgnоre` in Cyrillic) read as Latin to a person and a model alike.
          const disguised = LOOK_ALIKE_HINT.test(text) ? findPhrases(foldLookAlikes(withoutInvisible(text))).filter((label) => !plain.includes(label)) : [];
          const said = [...new Set([...plain, ...disguised])];
          const before = previous;
          previous = { line: line.line, text, said };
          // A phrase wrapped over two lines (prose, comments) is one sentence to a reader.
          if (before && before.line === line.line - 1) {
            const alone = new Set([...before.said, ...said]);
            const wrapped = findPhrases(`${unwrapped(before.text)} ${unwrapped(text)}`).filter((label) => !alone.has(label));
            if (wrapped.length > 0) {
              findings.push({
                rule: ID,
                severity: 'high',
                message: `added text ${wrapped.join('; ')} (over two lines)`,
                file: file.path,
                line: before.line,
                evidence: `${makeVisible(before.text)} ⏎ ${makeVisible(text)}`,
                remediation: 'remove it; text in a change must never try to steer reviewers or agents, and approvers should look at these lines themselves',
              });
            }
          }
          if (!hidden && said.length === 0) continue;
          const what = [...said, ...(disguised.length > 0 ? [DISGUISED] : []), ...(hidden ? [`hides text with ${hidden.kinds.join(' and ')}`] : [])];
          const finding: Finding = {
            rule: ID,
            severity: 'high',
            message: `added text ${what.join('; ')}`,
            file: file.path,
            line: line.line,
            evidence: makeVisible(text) + (hidden?.decoded ? ` (hidden text: "${makeVisible(hidden.decoded, 120)}")` : ''),
            remediation: 'remove it; text in a change must never try to steer reviewers or agents, and approvers should look at this line themselves',
          };
          findings.push(finding);
        }
      }
    }
    findings.push(...commitMessageFindings(input.change.commits, settings.minInvisible));
    return findings;
  },
};

/**
 * Commit messages are the change's documentation, read by approvers and handed to the agentic
 * reviewer: an instruction there is as much an injection as one in a file.
 */
function commitMessageFindings(commits: readonly Commit[], minInvisible: number): Finding[] {
  const findings: Finding[] = [];
  for (const commit of commits) {
    const lines = commit.message.split('\n');
    const said = new Set<string>();
    lines.forEach((text, index) => {
      const visible = foldLookAlikes(withoutInvisible(text));
      const found = [...findPhrases(text), ...findPhrases(visible), ...(index > 0 ? findPhrases(`${unwrapped(lines[index - 1]!)} ${unwrapped(text)}`) : [])];
      for (const label of found) said.add(label);
    });
    const hidden = HIDDEN_HINT.test(commit.message) ? findHiddenText(commit.message, minInvisible, false) : undefined;
    if (said.size === 0 && !hidden) continue;
    findings.push({
      rule: ID,
      severity: 'high',
      message: `commit message ${[...said, ...(hidden ? [`hides text with ${hidden.kinds.join(' and ')}`] : [])].join('; ')}`,
      evidence: `${commit.sha.slice(0, 12)}: ${makeVisible(commit.subject, 120)}`,
      remediation: 'reword the commit message; messages are read by approvers and the AI reviewer and must never try to steer them',
    });
  }
  return findings;
}
