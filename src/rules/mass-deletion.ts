/**
 * @module Rule `mass-deletion`: a change that deletes most of a file, or most of a system.
 *
 * - file: deletes at least `fileRatio` (80%) of a file's base lines and at least `fileMinLines`
 *   (50) lines; deleting a whole file of 50+ lines counts → `medium`.
 * - system: at least `systemMinFiles` (10) deleted files that are at least `systemRatio` (50%) of
 *   the system's changed files → `high`. Files no system claims are grouped by top-level folder.
 *   Per-file findings inside such a system are folded into the system's finding.
 */
import * as z from 'zod';
import type { ChangedFile } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { pathsOf } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import type { RuleInput } from './rule.js';

const ID = 'mass-deletion';

const settingsSchema = z.strictObject({
  fileRatio: z.number().gt(0).max(1).default(0.8),
  fileMinLines: z.int().min(1).default(50),
  systemRatio: z.number().gt(0).max(1).default(0.5),
  systemMinFiles: z.int().min(1).default(10),
  /** Individual file findings; the rest are summed up in one finding. */
  maxFileFindings: z.int().min(1).default(20),
});
type Settings = z.output<typeof settingsSchema>;

interface Group {
  label: string;
  changed: number;
  deleted: string[];
}

export const massDeletionRule: BuiltinRule = {
  id: ID,
  description: 'Deletes most of a file (80%, 50+ lines) or most of a system (half its changed files, 10+ files)',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const groups = groupFiles(input);
    const folded = new Set<string>();
    for (const group of groups.values()) {
      const count = group.deleted.length;
      if (count < settings.systemMinFiles || count / group.changed < settings.systemRatio) continue;
      for (const path of group.deleted) folded.add(path);
      findings.push({
        rule: ID,
        severity: 'high',
        message: `deletes ${count} of the ${group.changed} changed files in ${group.label}`,
        file: group.deleted[0]!,
        evidence: group.deleted.slice(0, 5).join(', ') + (count > 5 ? `, and ${count - 5} more` : ''),
        remediation: 'if the system is being retired, say so in the change documentation and get its owners to approve',
      });
    }
    const perFile = input.change.files.filter((f) => !folded.has(f.path)).flatMap((f) => fileFinding(f, settings));
    findings.push(...perFile.slice(0, settings.maxFileFindings));
    const rest = perFile.slice(settings.maxFileFindings);
    if (rest.length > 0) {
      findings.push({
        rule: ID,
        severity: 'medium',
        message: `${rest.length} more files lose most of their lines`,
        evidence: rest.slice(0, 5).map((f) => f.file).join(', ') + (rest.length > 5 ? ', …' : ''),
        remediation: 'confirm each large deletion is intended',
      });
    }
    return findings;
  },
};

/** Changed and deleted files per system (or per top-level folder for files no system claims). */
function groupFiles(input: RuleInput): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const file of input.change.files) {
    const keys = new Map<string, string>();
    for (const path of pathsOf(file)) {
      const systems = input.systems.match(path);
      for (const { system } of systems) keys.set(`system:${system.id}`, `system \`${system.id}\` (tier ${system.tier})`);
      if (systems.length === 0) {
        const top = path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : '(repository root)';
        keys.set(`folder:${top}`, `\`${top}\` (no system)`);
      }
    }
    for (const [key, label] of keys) {
      const group = groups.get(key) ?? { label, changed: 0, deleted: [] };
      group.changed++;
      if (file.status === 'deleted') group.deleted.push(file.path);
      groups.set(key, group);
    }
  }
  return groups;
}

function fileFinding(file: ChangedFile, settings: Settings): Finding[] {
  const remediation = 'confirm the deletion is intended; removed code that others call breaks them at deploy time';
  if (file.status === 'deleted') {
    const lines = file.baseLineCount ?? file.deletions;
    if (lines < settings.fileMinLines) return [];
    return [{ rule: ID, severity: 'medium', message: `deletes the whole file (${lines} lines)`, file: file.path, remediation }];
  }
  const base = file.baseLineCount;
  if (base === undefined || base === 0 || file.deletions < settings.fileMinLines || file.deletions / base < settings.fileRatio) return [];
  const percent = Math.round((100 * file.deletions) / base);
  const adds = file.additions > 0 ? ` and adds ${file.additions}` : '';
  return [{ rule: ID, severity: 'medium', message: `deletes ${file.deletions} of its ${base} lines (${percent}%)${adds}`, file: file.path, remediation }];
}
