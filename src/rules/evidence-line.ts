/**
 * @module A finding's evidence as one short line: what a person reads beside the rule's message.
 */

const MAX_EVIDENCE = 160;

/** `text` with its blanks and line breaks collapsed, cut to 160 characters with an ellipsis. */
export function evidenceLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE ? `${flat.slice(0, MAX_EVIDENCE - 1)}…` : flat;
}
