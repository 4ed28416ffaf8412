/**
 * @module The ids of the built-in rules: stable, public (users disable and tune rules by them).
 *
 * Kept apart from the rules themselves so the catalog validator can check ids without loading parsers.
 */
export const BUILTIN_RULE_IDS = [
  'infra-destroy',
  'sql-destructive',
  'secrets',
  'tests-weakened',
  'guardrail-change',
  'critical-path',
  'change-size',
  'mass-deletion',
  'prompt-injection',
  'unreadable-content',
  'custom-rules',
] as const;

export type BuiltinRuleId = (typeof BUILTIN_RULE_IDS)[number];
