/**
 * @module `check --record`: store the checked change (locally or on the server) with the keys that recognise it later.
 */
import type { CheckResult } from '../app/check-change.js';
import { openWorkflowGateway } from '../app/open-workflow-gateway.js';
import type { Answer, Recorded } from '../app/workflow-gateway.js';
import { readRecordKeys } from '../git/read-record-keys.js';

export interface RecordCheckedOptions {
  cwd: string;
  /** Repository root; absent for a patch checked outside one. */
  repoDir?: string;
  catalogPath?: string;
}

/**
 * Records the change: its line key (`branch:<name>` off the default branch) and whole-range patch
 * id come from git. Idempotent: recording the same content again keeps one change.
 */
export async function recordCheckedChange(checked: CheckResult, options: RecordCheckedOptions): Promise<Answer<Recorded & { location: string }>> {
  const keys = options.repoDir && checked.change.source !== 'patch' ? await readRecordKeys(options.repoDir, checked.change) : {};
  const opened = await openWorkflowGateway({ cwd: options.cwd, ...(options.catalogPath ? { catalogPath: options.catalogPath } : {}) });
  if (!opened.ok) return opened;
  const { gateway } = opened.value;
  try {
    const actor = gateway.mode === 'local' ? await gateway.identify().then((identity) => (identity.ok ? identity.value.person : undefined)) : undefined;
    const answer = await gateway.record({ change: checked.change, documentation: checked.documentation, evaluation: checked.evaluation, ...keys, ...(actor ? { actor } : {}) });
    return answer.ok ? { ok: true, value: { ...answer.value, location: gateway.location } } : answer;
  } finally {
    await gateway.close();
  }
}
