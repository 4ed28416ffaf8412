/**
 * @module Escapes and look-alike characters decode to what they stand for.
 */
import { describe, expect, it } from 'vitest';
import { decodeAnsiC, decodeDoubleQuoted, decodeUnquoted, makeWord, normalizeText } from './decode-word.js';

describe('decode-word', () => {
  it.each([
    ['\\x72\\x6d', 'rm'],
    ['\\162\\155', 'rm'],
    ['\\u0072m', 'rm'],
    ['\\U00000072m', 'rm'],
    ['a\\tb\\n', 'a\tb\n'],
    ['\\cA', '\x01'],
    ["it\\'s", "it's"],
  ])("$'%s' is %j", (body, expected) => {
    expect(decodeAnsiC(body)).toBe(expected);
  });

  it('decodes only the escapes double quotes have', () => {
    expect(decodeDoubleQuoted('a\\$b \\" \\\\ \\n')).toBe('a$b " \\ \\n');
  });

  it('turns backslash escapes into quoted characters', () => {
    expect(makeWord(decodeUnquoted('r\\m\\ x')).value).toBe('rm x');
    expect(makeWord(decodeUnquoted('\\*')).expands).toBe(false);
    expect(makeWord(decodeUnquoted('*')).expands).toBe(true);
  });

  it.each([
    ['ｒｍ', 'rm'],
    ['r\u200bm', 'rm'],
    ['\uFEFFterraform', 'terraform'],
    ['ＤＲＯＰ', 'DROP'],
    ['plain', 'plain'],
  ])('normalises %j to %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});
