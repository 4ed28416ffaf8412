/**
 * @module Part of `prompt-injection`: text written with letters that look Latin but are not
 * (Cyrillic `і` and `о` in "іgnоre", Greek `ο`, fullwidth `ｉｇｎｏｒｅ`, mathematical `𝐢𝐠𝐧𝐨𝐫𝐞`, roman `ⅰ`), read
 * as the Latin a reader sees, so a phrase cannot hide from the patterns behind them.
 *
 * Compatibility forms (fullwidth, mathematical, circled, superscript, roman numerals, ligatures)
 * fold with NFKC; Cyrillic, Greek, Armenian and other letters with a Latin twin fold by the table
 * below, a subset of Unicode's confusables (UTS #39) limited to letters that pass for Latin in
 * ordinary fonts.
 */

/**
 * Any character that may fold: text without one (all of ordinary ASCII and Latin-1 text) is left as
 * it is. Dotless `ı`, IPA and modifier letters, Greek, Cyrillic, Armenian, phonetic small capitals,
 * super- and subscripts, letterlike symbols and roman numerals, circled letters, ligatures,
 * fullwidth forms, mathematical letters and enclosed capitals.
 */
export const LOOK_ALIKE_HINT = /[\u0300-\u036F\u13A0-\u13FF\u0131\u0250-\u02FF\u0370-\u058F\u1D00-\u1DBF\u2070-\u209F\u2100-\u218F\u2460-\u24FF\uA4D0-\uA4FF\uA720-\uA7FF\uFB00-\uFB4F\uFF01-\uFF5E]|\uD835[\uDC00-\uDFFF]|\uD83C[\uDD10-\uDD89]/;

const TWINS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Latin letters outside ASCII that pass for ASCII ones, Armenian, phonetic small capitals
  ı: 'i', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʀ: 'r', օ: 'o', ո: 'n', ս: 'u', հ: 'h', ց: 'g', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ᴊ: 'j',
  ᴋ: 'k', ᴍ: 'm', ᴏ: 'o', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ʙ: 'b', ɢ: 'g', ʜ: 'h', ʟ: 'l', ɴ: 'n', ʏ: 'y', ꜰ: 'f', ꜱ: 's',
  // Lisu and Cherokee capitals
  ꓮ: 'A', ꓐ: 'B', ꓚ: 'C', ꓓ: 'D', ꓰ: 'E', ꓝ: 'F', ꓖ: 'G', ꓧ: 'H', ꓲ: 'I', ꓙ: 'J', ꓗ: 'K', ꓡ: 'L', ꓟ: 'M', ꓠ: 'N', ꓳ: 'O',
  ꓑ: 'P', ꓣ: 'R', ꓢ: 'S', ꓔ: 'T', ꓴ: 'U', ꓦ: 'V', ꓪ: 'W', ꓫ: 'X', ꓬ: 'Y', ꓜ: 'Z',
  Ꭺ: 'A', Ᏼ: 'B', Ꮯ: 'C', Ꭰ: 'D', Ꭼ: 'E', Ꮐ: 'G', Ꮋ: 'H', Ꭵ: 'i', Ꮖ: 'I', Ꭻ: 'J', Ꮶ: 'K', Ꮮ: 'L', Ꮇ: 'M', Ꮎ: 'O', Ꮲ: 'P',
  Ꭱ: 'R', Ꮪ: 'S', Ꭲ: 'T', Ꮩ: 'V', Ꮃ: 'W', Ꮓ: 'Z',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const COMBINING_MARKS = /[\u0300-\u036F]/g;
const TWIN = new RegExp(`[${Object.keys(TWINS).join('')}]`, 'gu');

/** `text` as the Latin letters it looks like (unchanged when nothing folds). */
export function foldLookAlikes(text: string): string {
  if (!LOOK_ALIKE_HINT.test(text)) return text;
  // Marks stacked on a letter (`i` + U+0307) do not change which letter a reader sees.
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').normalize('NFKC').replace(TWIN, (letter) => TWINS[letter]!);
}
