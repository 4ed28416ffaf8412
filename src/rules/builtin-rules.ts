/**
 * @module The list of built-in rules, in the order `tollgate rules` shows them.
 */
import type { BuiltinRule } from './builtin-rule.js';
import { changeSizeRule } from './change-size.js';
import { criticalPathRule } from './critical-path.js';
import { customRulesRule } from './custom-rules.js';
import { guardrailChangeRule } from './guardrail-change.js';
import { infraDestroyRule } from './infra-destroy.js';
import { massDeletionRule } from './mass-deletion.js';
import { promptInjectionRule } from './prompt-injection.js';
import { secretsRule } from './secrets.js';
import { sqlDestructiveRule } from './sql-destructive.js';
import { testsWeakenedRule } from './tests-weakened.js';
import { unreadableContentRule } from './unreadable-content.js';

/** Every built-in rule (same order as `BUILTIN_RULE_IDS`). */
export const BUILTIN_RULES: BuiltinRule[] = [
  infraDestroyRule,
  sqlDestructiveRule,
  secretsRule,
  testsWeakenedRule,
  guardrailChangeRule,
  criticalPathRule,
  changeSizeRule,
  massDeletionRule,
  promptInjectionRule,
  unreadableContentRule,
  customRulesRule,
];
