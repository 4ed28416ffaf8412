/**
 * @module Reads command-line arguments the way getopt-style tools do, so every flag spelling counts:
 * `-r -f`, `-rf`, `-Rf`, `--recursive --force`, `--context=prod`, `--context prod`, `-nprod`.
 */
import type { ShellWord } from './shell-syntax.js';

export interface ArgumentSpec {
  /** Short option letters that take a value (`n` for `-n prod` / `-nprod`). */
  shortWithValue?: string;
  /** Long option names that take a value, without dashes (`context` for `--context prod`). */
  longWithValue?: readonly string[];
  /** Stop at the first positional argument: the rest belongs to a wrapped command. */
  stopAtPositional?: boolean;
  /** Single-dash long options (`-chdir=dir`, `-var x=y`) as Terraform and Go tools spell them. */
  singleDashLong?: boolean;
}

export interface ParsedArguments {
  /** Flags as spelled canonically: `-r` for each short letter, `--name` for long options. */
  flags: Set<string>;
  /** Option values by canonical name (`-n`, `--context`); an option may repeat. */
  values: Map<string, string[]>;
  /** The words option values came from, when a whole word is the value (`-c "$SQL"`). */
  valueWords: Map<string, ShellWord[]>;
  positionals: ShellWord[];
  /** Index in the input where parsing stopped (with `stopAtPositional`), else the input length. */
  stop: number;
}

/** Parses `words` (without the command name). */
export function parseArguments(words: readonly ShellWord[], spec: ArgumentSpec = {}): ParsedArguments {
  const shortWithValue = spec.shortWithValue ?? '';
  const longWithValue = new Set(spec.longWithValue ?? []);
  const parsed: ParsedArguments = { flags: new Set(), values: new Map(), valueWords: new Map(), positionals: [], stop: words.length };
  const addValue = (name: string, value: string, word?: ShellWord): void => {
    parsed.flags.add(name);
    const list = parsed.values.get(name);
    if (list) list.push(value);
    else parsed.values.set(name, [value]);
    if (word) parsed.valueWords.set(name, [...(parsed.valueWords.get(name) ?? []), word]);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    const text = word.value;
    if (text === '--') {
      if (spec.stopAtPositional) {
        parsed.stop = i + 1;
        return parsed;
      }
      parsed.positionals.push(...words.slice(i + 1));
      return parsed;
    }
    const long = text.startsWith('--') ? text.slice(2) : spec.singleDashLong && /^-[a-z][a-z-]+/.test(text) ? text.slice(1) : undefined;
    if (long !== undefined && long.length > 0) {
      const equals = long.indexOf('=');
      if (equals >= 0) {
        addValue(`--${long.slice(0, equals)}`, long.slice(equals + 1), word);
      } else if (longWithValue.has(long) && i + 1 < words.length) {
        const value = words[++i] as ShellWord;
        addValue(`--${long}`, value.value, value);
      } else {
        parsed.flags.add(`--${long}`);
      }
      continue;
    }
    // `-5` is a number to most tools (`head -5`), but a wrapper's own flag (`nice -5`, `xargs -0`):
    // a wrapped command never starts with a dash.
    if (text.length > 1 && text.startsWith('-') && (spec.stopAtPositional || !/^-[0-9]/.test(text))) {
      for (let j = 1; j < text.length; j++) {
        const letter = text[j] as string;
        if (shortWithValue.includes(letter)) {
          const inline = text.slice(j + 1);
          if (inline !== '') addValue(`-${letter}`, inline.replace(/^=/, ''), word);
          else if (i + 1 < words.length) {
            const value = words[++i] as ShellWord;
            addValue(`-${letter}`, value.value, value);
          }
          else parsed.flags.add(`-${letter}`);
          break;
        }
        parsed.flags.add(`-${letter}`);
      }
      continue;
    }
    if (spec.stopAtPositional) {
      parsed.stop = i;
      return parsed;
    }
    parsed.positionals.push(word);
  }
  return parsed;
}

/** True when any of the spellings is present. */
export function hasFlag(parsed: ParsedArguments, ...names: string[]): boolean {
  return names.some((name) => parsed.flags.has(name));
}

/** The last value of the first option spelled one of `names`. */
export function optionValue(parsed: ParsedArguments, ...names: string[]): string | undefined {
  for (const name of names) {
    const values = parsed.values.get(name);
    if (values && values.length > 0) return values[values.length - 1];
  }
  return undefined;
}

/** Every value of the options spelled `names`. */
export function optionValues(parsed: ParsedArguments, ...names: string[]): string[] {
  return names.flatMap((name) => parsed.values.get(name) ?? []);
}
