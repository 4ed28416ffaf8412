/**
 * @module The name a command word runs, as the guard's rules know it.
 */
import type { ShellWord } from './shell-syntax.js';

/** The lower-case base name of a command word, or undefined when it is computed at run time. */
export function commandName(word: ShellWord | undefined): string | undefined {
  if (!word || !word.literal || word.expands) return undefined;
  const slash = word.value.lastIndexOf('/');
  return (slash >= 0 ? word.value.slice(slash + 1) : word.value).toLowerCase();
}
