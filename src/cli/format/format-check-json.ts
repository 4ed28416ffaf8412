/**
 * @module The versioned JSON report of `tollgate check` (`tollgate.check/v1`, documented in docs/json-output.md).
 */
import type { ChangeEvaluation } from '../../core/evaluation.js';

export const CHECK_SCHEMA = 'tollgate.check/v1';

export function formatCheckJson(evaluation: ChangeEvaluation): string {
  return `${JSON.stringify({ schema: CHECK_SCHEMA, ...evaluation }, null, 2)}\n`;
}
