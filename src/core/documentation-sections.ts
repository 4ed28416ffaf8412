/**
 * @module The vocabulary of change documentation: section names, their aliases, and what counts as boilerplate.
 */

/** Heading phrases (lower case, punctuation removed) and the section they name. */
const ALIASES: Record<string, string[]> = {
  summary: [
    'summary',
    'description',
    'what',
    'what changed',
    'what changes',
    'changes',
    'change description',
    'overview',
    'tldr',
    'tl dr',
    'what does this change do',
    'what does this pr do',
    'what this pr does',
  ],
  risk: ['risk', 'risks', 'impact', 'risk assessment', 'risk and impact', 'risks and impact', 'risk impact', 'risks impact', 'risks and mitigations', 'blast radius', 'what could go wrong'],
  rollback: [
    'rollback',
    'rollback plan',
    'roll back',
    'roll back plan',
    'rollback procedure',
    'revert plan',
    'backout plan',
    'back out plan',
    'how to roll back',
    'how to revert',
  ],
  testing: [
    'testing',
    'tests',
    'test',
    'test plan',
    'testing done',
    'how was this tested',
    'how has this been tested',
    'how did you test this',
    'how to test',
    'verification',
    'validation',
  ],
  'ai-usage': ['ai usage', 'ai assistance', 'ai', 'ai disclosure', 'ai usage disclosure', 'use of ai', 'ai tools', 'ai involvement', 'ai assisted', 'generative ai', 'llm usage'],
  motivation: ['why', 'motivation', 'reason'],
};

const ALIAS_TO_SECTION = new Map<string, string>(Object.entries(ALIASES).flatMap(([section, names]) => names.map((name) => [name, section] as const)));

/** Reduces a heading to lower-case words: no emoji, numbering, emphasis or trailing punctuation. */
function headingWords(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*\d+[.)]\s*/, '')
    .replace(/[^a-z0-9/&+\- ]+/g, ' ')
    .replace(/[-/&+]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading names when it is one of the known ones (`Rollback plan` → `rollback`), else `undefined`. */
export function knownSectionName(heading: string): string | undefined {
  return ALIAS_TO_SECTION.get(headingWords(heading));
}

/** Section name for any heading: a known section, else the heading in kebab-case. */
export function normalizeSectionName(heading: string): string {
  return knownSectionName(heading) ?? headingWords(heading).replace(/ /g, '-');
}

/** Whole-text answers that say nothing. */
const EMPTY_ANSWER = /^(?:n\/?a|none|nothing|no|nope|not applicable|tbd|tbc|todo|fixme|wip|same as above|see above|-+|\.+|…|\?+)[.!]?$/i;
/** Answers that only promise content later. */
const LATER = /^(?:todo|tbd|fixme)\b/i;
/** Template prompts: "Describe your change here", "Explain the risk of this change". */
const PROMPT = /^(?:please\s+)?(?:describe|explain|list|provide|summari[sz]e|fill in|write|add a description)\b.*\b(?:here|your|this change|the change|this pr|this section|below|above)\b/i;

/** The meaningful text of a section: comments, headings, rules, unticked checkboxes and markup removed. */
export function meaningfulText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .split('\n')
    .filter((line) => !/^\s{0,3}#{1,6}(\s|$)/.test(line))
    .filter((line) => !/^\s*(?:[-*_]\s*){3,}$/.test(line) && !/^\s*=+\s*$/.test(line))
    .filter((line) => !/^\s*[-*+]\s+\[ \]/.test(line))
    .map((line) => line.replace(/^\s*(?:>\s*)*/, '').replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[xX]\]\s*)?/, '').replace(/[*_`]/g, '').trim())
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}

/** True when a section's text does not document anything: empty, N/A, TODO, or a template placeholder. */
export function isBoilerplate(text: string): boolean {
  const meaningful = meaningfulText(text);
  if (meaningful === '') return true;
  const flat = meaningful.replace(/\s+/g, ' ');
  if (EMPTY_ANSWER.test(flat) || LATER.test(flat)) return true;
  if (/^<[^<>]*>$/.test(flat) || /^\[[^[\]]*\]$/.test(flat)) return true;
  return flat.length <= 160 && PROMPT.test(flat);
}
