/**
 * @module A fast necessary-condition check for an RE2 (re2js) pattern, using native `String#includes`.
 *
 * re2js computes, for each pattern, the literal strings any match must contain (its "prefilter":
 * exact strings combined with AND/OR; case-folded literals contribute nothing). re2js evaluates
 * it with an Aho-Corasick automaton written in JavaScript, which dominates the cost of testing
 * many short lines. Evaluating the same tree with `includes` is several times faster and exactly
 * as strict, so lines that cannot match are skipped before re2js runs.
 *
 * INVARIANT: the prefilter is only a necessary condition. A line that passes is still tested with
 * re2js; a tree of unexpected shape yields no prefilter (every line is tested), never a skipped line.
 */
import { RE2JS } from 're2js';

/** Tests whether a line may match; `false` means it certainly does not. */
export type LinePrefilter = (text: string) => boolean;

/** re2js's internal prefilter node (pinned re2js 2.10: NONE 0, EXACT 1, AND 2, OR 3). */
interface PrefilterNode {
  type: number;
  subs: PrefilterNode[];
  str: string;
}

const EXACT = 1;
const AND = 2;
const OR = 3;

function readNode(value: unknown): PrefilterNode | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const node = value as Partial<PrefilterNode>;
  if (typeof node.type !== 'number' || !Array.isArray(node.subs) || typeof node.str !== 'string') return undefined;
  return node as PrefilterNode;
}

function build(value: unknown): LinePrefilter | undefined {
  const node = readNode(value);
  if (!node) return undefined;
  if (node.type === EXACT) {
    const literal = node.str;
    return literal === '' ? undefined : (text) => text.includes(literal);
  }
  if (node.type === AND || node.type === OR) {
    const subs = node.subs.map(build);
    if (subs.length === 0) return undefined;
    if (node.type === OR) {
      // One branch without a prefilter could match anything: the whole OR says nothing.
      if (subs.some((sub) => sub === undefined)) return undefined;
      const all = subs as LinePrefilter[];
      return (text) => all.some((sub) => sub(text));
    }
    const known = subs.filter((sub): sub is LinePrefilter => sub !== undefined);
    return known.length === 0 ? undefined : (text) => known.every((sub) => sub(text));
  }
  return undefined;
}

/** True when re2js still builds prefilters the way this module reads them (checked on first use). */
let understood: boolean | undefined;

function checkUnderstood(): boolean {
  try {
    const probe = (RE2JS.compile('(?:abc|xyz)def').re2() as unknown as { prefilter?: unknown }).prefilter;
    const test = build(probe);
    return test !== undefined && test('xyzdef') && test('abcdef') && !test('abcxyz') && !test('def');
  } catch {
    return false;
  }
}

/** The prefilter of a compiled pattern, or `undefined` when it has none (test every line). */
export function prefilterOf(regex: RE2JS): LinePrefilter | undefined {
  if (!(understood ??= checkUnderstood())) return undefined;
  return build((regex.re2() as unknown as { prefilter?: unknown }).prefilter);
}
