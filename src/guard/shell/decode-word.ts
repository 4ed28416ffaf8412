/**
 * @module Quote removal and escape decoding for shell words, plus Unicode normalisation.
 *
 * Look-alike spellings must reach the rules as the command they stand for: `r''m`, `r\m`,
 * `$'\x72m'`, full-width `ｒｍ` and `r\u200bm` all decode to `rm`.
 */
import { DYNAMIC, type ShellWord, type WordPart } from './shell-syntax.js';

// Zero-width and bidirectional control characters that render as nothing.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** NFKC-normalises text and removes zero-width characters; ASCII passes through untouched. */
export function normalizeText(text: string): string {
  // One UTF-8 byte per character means ASCII, which NFKC leaves alone (a native check, even for 100 KB).
  if (Buffer.byteLength(text, 'utf8') === text.length) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/** Builds a word from its parts, merging neighbouring text and computing its derived fields. */
export function makeWord(rawParts: WordPart[]): ShellWord {
  const parts: WordPart[] = [];
  for (const part of rawParts) {
    const normalized: WordPart = part.kind === 'text' ? { ...part, text: normalizeText(part.text) } : part;
    const last = parts[parts.length - 1];
    if (normalized.kind === 'text' && last?.kind === 'text' && last.quoted === normalized.quoted) {
      parts[parts.length - 1] = { ...last, text: last.text + normalized.text };
    } else if (normalized.kind !== 'text' || normalized.text !== '') {
      parts.push(normalized);
    }
  }
  let value = '';
  let display = '';
  let shape = '';
  let literal = true;
  for (const part of parts) {
    if (part.kind === 'text') {
      value += part.text;
      display += part.text;
      // Quoted characters never glob or brace-expand, so they are masked in the shape.
      shape += part.quoted ? 'x'.repeat(part.text.length) : part.text;
    } else {
      literal = false;
      value += part.kind === 'variable' ? `$${part.name}` : DYNAMIC;
      display += part.kind === 'variable' ? `$${part.name}` : part.source;
      shape += 'x';
    }
  }
  const expands = /[*?[]/.test(shape) || /\{[^{}]*(,|\.\.)[^{}]*\}/.test(shape);
  return { parts, value, display, literal, expands };
}

/** A word made of one literal text; `quoted` says whether the shell would still expand it. */
export function literalWord(text: string, quoted = true): ShellWord {
  return makeWord([{ kind: 'text', text, quoted }]);
}

/** Splits an unquoted word's source into text parts, turning `\x` into a quoted `x`. */
export function decodeUnquoted(source: string): WordPart[] {
  if (!source.includes('\\')) return [{ kind: 'text', text: source, quoted: false }];
  const parts: WordPart[] = [];
  let plain = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\' && i + 1 < source.length) {
      const next = source[++i] as string;
      if (next === '\n') continue;
      if (plain) parts.push({ kind: 'text', text: plain, quoted: false });
      plain = '';
      parts.push({ kind: 'text', text: next, quoted: true });
    } else {
      plain += char;
    }
  }
  if (plain) parts.push({ kind: 'text', text: plain, quoted: false });
  return parts;
}

/** Decodes the text between double quotes, where only `\$ \` \" \\` and line continuations are escapes. */
export function decodeDoubleQuoted(source: string): string {
  if (!source.includes('\\')) return source;
  return source.replace(/\\([$`"\\\n])/g, (_, char: string) => (char === '\n' ? '' : char));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1B', E: '\x1B', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Decodes the body of a `$'…'` string (without the `$'` and `'`). */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== '\\' || i + 1 >= body.length) {
      out += char;
      continue;
    }
    const next = body[i + 1] as string;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
      continue;
    }
    const numeric = readNumericEscape(body, i + 1);
    if (numeric) {
      out += numeric.text;
      i = numeric.end - 1;
      continue;
    }
    if (next === 'c' && i + 2 < body.length) {
      out += String.fromCharCode((body.charCodeAt(i + 2) & 0x1f) >>> 0);
      i += 2;
      continue;
    }
    out += char + next;
    i += 1;
  }
  return out;
}

function readNumericEscape(body: string, at: number): { text: string; end: number } | undefined {
  const kind = body[at] as string;
  const spec =
    kind === 'x' ? { digits: /[0-9a-fA-F]/, max: 2, base: 16, skip: 1 }
    : kind === 'u' ? { digits: /[0-9a-fA-F]/, max: 4, base: 16, skip: 1 }
    : kind === 'U' ? { digits: /[0-9a-fA-F]/, max: 8, base: 16, skip: 1 }
    : /[0-7]/.test(kind) ? { digits: /[0-7]/, max: 3, base: 8, skip: 0 }
    : undefined;
  if (!spec) return undefined;
  let end = at + spec.skip;
  let digits = '';
  while (digits.length < spec.max && end < body.length && spec.digits.test(body[end] as string)) digits += body[end++];
  if (digits === '') return undefined;
  const code = Number.parseInt(digits, spec.base);
  if (code > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(code), end };
}

/** The literal text of a word, or undefined when part of it is only known at run time. */
export function literalValue(word: ShellWord): string | undefined {
  return word.literal ? word.value : undefined;
}
