/**
 * @module Part of `prompt-injection`: text written with letters that look Latin but are not
 * (Cyrillic `і` and `о` in "іgnоre", Greek `ο`, fullwidth `ｉｇｎｏｒｅ`, mathematical `𝐢𝐠𝐧𝐨𝐫𝐞`), read
 * as the Latin a reader sees, so a phrase cannot hide from the patterns behind them.
 *
 * Compatibility forms (fullwidth, mathematical, ligatures) fold with NFKC; Cyrillic and Greek
 * letters with a Latin twin fold by the table below, a subset of Unicode's confusables
 * (UTS #39) limited to letters that pass for Latin in ordinary fonts.
 */

/** Any character that may fold: text without one (all of ordinary ASCII and Latin-1 text) is left as it is. */
export const LOOK_ALIKE_HINT = /[\u0370-\u052F\u2100-\u214F\uFB00-\uFB4F\uFF01-\uFF5E]|\uD835[\uDC00-\uDFFF]/;

const TWINS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const TWIN = new RegExp(`[${Object.keys(TWINS).join('')}]`, 'gu');

/** `text` as the Latin letters it looks like (unchanged when nothing folds). */
export function foldLookAlikes(text: string): string {
  if (!LOOK_ALIKE_HINT.test(text)) return text;
  return text.normalize('NFKC').replace(TWIN, (letter) => TWINS[letter]!);
}
