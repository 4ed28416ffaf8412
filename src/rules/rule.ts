/**
 * @module The rule contract: every built-in rule is `{ id, description, evaluate(input) }`.
 */
import type { Catalog } from '../core/catalog/catalog-schema.js';
import type { Change } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { SystemIndex } from '../core/catalog/system-index.js';

export interface RuleInput {
  change: Change;
  catalog: Catalog;
  /** Which systems claim a path, precompiled from the catalog. */
  systems: SystemIndex;
  /** This rule's `rules.settings.<id>` from the catalog (empty object when absent). */
  settings: Record<string, unknown>;
}

export interface Rule {
  /** Stable id users disable and tune it by. */
  id: string;
  /** One line for the rule reference. */
  description: string;
  /**
   * Pure with respect to its input. May be async only because some parsers load WebAssembly.
   * INVARIANT: when a rule cannot decide (parse error, unreadable content) it returns a finding
   * saying so — it never returns "nothing found" for content it could not read.
   */
  evaluate(input: RuleInput): Finding[] | Promise<Finding[]>;
}
