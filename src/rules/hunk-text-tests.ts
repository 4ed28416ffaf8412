/**
 * @module The quick tests rules run on a whole hunk before reading it line by line, as pure functions of text.
 *
 * Each takes a text holding every added line of a hunk (see `hunkAddedText`) and its lower-cased
 * form, and answers whether any of those lines may match the rule: `false` means none can. They
 * import nothing but patterns, so another thread can run them on the hunks of a large change while
 * the diff is still being read (`offload-hunk-prechecks.ts`).
 */
import { mayAddressReaders } from './prompt-injection-hint.js';
import { mayHoldSecretOrJoined } from './secret-patterns.js';

export type HunkTextTest = (text: string, lower: string) => boolean;

/** By rule id. */
export const HUNK_TEXT_TESTS = {
  secrets: mayHoldSecretOrJoined,
  'prompt-injection': mayAddressReaders,
} as const satisfies Record<string, HunkTextTest>;

export type HunkTextTestId = keyof typeof HUNK_TEXT_TESTS;

/** The ids in a fixed order: the bit each test's answer takes in a message between threads. */
export const HUNK_TEXT_TEST_IDS = Object.keys(HUNK_TEXT_TESTS) as HunkTextTestId[];
