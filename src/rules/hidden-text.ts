/**
 * @module Part of `prompt-injection`: invisible characters that can carry instructions a human reviewer never sees.
 *
 * - Unicode tag characters (U+E0000–U+E007F) mirror ASCII invisibly ("ASCII smuggling").
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
 *   is displayed versus what is parsed ("Trojan Source", CVE-2021-42574).
 * - Zero-width and other invisible characters, and variation selectors U+E0100–U+E01EF, can encode
 *   data; a few are normal (emoji joiners, Persian/Indic non-joiners), so only density counts.
 */

/** Any character this module cares about; lines without one skip every other check. */
export const HIDDEN_HINT = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u202A-\u202E\u2066-\u2069]|\uDB40[\uDC00-\uDDEF]/;

const TAG = /[\u{E0000}-\u{E007F}]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u{E0100}-\u{E01EF}]/gu;
/** Characters after which a joiner or non-joiner is ordinary text: emoji, modifiers, non-Latin letters. */
const JOINS_TEXT = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Malayalam}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Sinhala}\p{Script=Hebrew}\p{Script=Syriac}]$/u;

/** `text` without its zero-width and other invisible characters: what a reader of the words sees. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** What hidden content a line carries. */
export interface HiddenText {
  kinds: string[];
  /** The ASCII that tag characters spell out, when there are any. */
  decoded?: string;
}

/** Hidden content in one line, or `undefined` when there is none worth reporting. */
export function findHiddenText(text: string, minInvisible: number, atFileStart: boolean): HiddenText | undefined {
  const kinds: string[] = [];
  let decoded: string | undefined;
  if (TAG.test(text)) {
    kinds.push('unicode tag characters');
    decoded = [...text].flatMap((c) => {
      const cp = c.codePointAt(0)!;
      return cp >= 0xe0020 && cp <= 0xe007e ? [String.fromCodePoint(cp - 0xe0000)] : [];
    }).join('');
  }
  if (BIDI.test(text)) kinds.push('bidirectional control characters');
  let invisible = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const c = match[0];
    if (c === '\uFEFF' && match.index === 0 && atFileStart) continue; // byte order mark
    if ((c === '\u200C' || c === '\u200D') && JOINS_TEXT.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    invisible++;
  }
  if (invisible >= minInvisible) kinds.push(`${invisible} zero-width or invisible characters`);
  if (kinds.length === 0) return undefined;
  return decoded ? { kinds, decoded } : { kinds };
}

/**
 * The line with every invisible or control character shown as `<U+XXXX>`, cut to `max` characters
 * around the first one.
 *
 * @example makeVisible('ok\u{E0041}') // => 'ok<U+E0041>'
 */
export function makeVisible(text: string, max = 200): string {
  let visible = '';
  let first = -1;
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    const hidden = (cp >= 0xe0000 && cp <= 0xe01ef) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x2069) || cp === 0xfeff || cp === 0x180e || (cp < 0x20 && cp !== 0x09);
    if (hidden && first < 0) first = visible.length;
    visible += hidden ? `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>` : c;
  }
  if (visible.length <= max) return visible;
  const start = Math.max(0, Math.min(first - 40, visible.length - max));
  return `${start > 0 ? '…' : ''}${visible.slice(start, start + max)}…`;
}
