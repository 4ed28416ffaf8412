/**
 * @module Part of `prompt-injection`: the quick test a text must pass before its lines are matched against the phrases.
 */
import { HIDDEN_HINT } from './hidden-text.js';
import { LOOK_ALIKE_HINT } from './look-alike-letters.js';

/**
 * A cheap test every phrase needs to pass: the anchoring words of each phrase, specific enough
 * that ordinary code and prose ("message", "approval", "AI-assisted") rarely reach the phrase list.
 * Written in lower case for lower-cased text: a whole hunk is tested at once that way.
 *
 * The words are grouped by their first letter, so that at each position of the text the regular
 * expression engine tries one branch instead of every word starting there: a third faster on
 * ordinary code. Grouping drops one `\b` (before `ai`): the test may pass more text, never less.
 */
export const PHRASE_HINT_LOWER = hintOf(
  String.raw`i(?:gnore|m_start|nstructions? (?:to|for)\s)`,
  String.raw`d(?:isregard|o not (?:flag|report|mention|comment|raise))`,
  'forget',
  'override',
  'you are now',
  String.raw`a(?:pprove (?:this|the)|s an? (?:ai|llm|automated|language)|i (?:code )?(?:reviewer|agent|assistant))`,
  String.raw`l(?:gtm (?:this|the)|lm (?:code )?(?:reviewer|agent|assistant))`,
  String.raw`m(?:ark (?:this|it|the)\s|essage (?:to|for)\s)`,
  String.raw`note (?:to|for)\s`,
  'system prompt',
  String.raw`\|system\|`,
  String.raw`\[inst\]`,
  '<!--',
);

/**
 * The alternatives as one regular expression, a space standing for the gap between two words:
 * blanks, or a line break with what starts the next line of a diff and of a comment (`\n+// `),
 * so that a phrase wrapped over two lines of a hunk passes too.
 */
function hintOf(...words: string[]): RegExp {
  return new RegExp(words.map((word) => word.replaceAll(' ', String.raw`[\s+/#*>;-]+`)).join('|'));
}

/**
 * Whether any line of a text may address AI readers or hide text, given the text and its lower-cased
 * form. Text with letters that only look Latin is read closer (the test of the other two costs
 * nothing on text that has none, as V8 tells from how the string is stored).
 */
export function mayAddressReaders(text: string, lower: string): boolean {
  return PHRASE_HINT_LOWER.test(lower) || HIDDEN_HINT.test(text) || LOOK_ALIKE_HINT.test(text);
}
