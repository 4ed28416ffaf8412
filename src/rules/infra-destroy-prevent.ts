/**
 * @module Part of `infra-destroy`: resources that lost `lifecycle { prevent_destroy = true }`.
 *
 * Base and head configurations are parsed and compared per Terraform module (directory), so a
 * resource moved to another file of the same module with its protection intact is not reported.
 * When a changed `.tf` file has no content to parse, the diff's removed lines are the fallback.
 */
import { findPreventDestroy, findResources, parseTerraformConfig } from '../analyzers/terraform-hcl.js';
import type { Artifact, Change } from '../core/change.js';
import type { Finding } from '../core/finding.js';

const ID = 'infra-destroy';
const PREVENT_DESTROY_TRUE = /\bprevent_destroy\s*=\s*true\b|"prevent_destroy"\s*:\s*true\b/;

const isTerraformConfig = (path: string): boolean => path.endsWith('.tf') || path.endsWith('.tf.json');
const moduleOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');

/** Findings for every protected resource that is no longer protected at head. */
export async function findRemovedPreventDestroy(change: Change): Promise<Finding[]> {
  const artifacts = change.artifacts.filter((a) => a.kind === 'terraform-hcl');
  const findings: Finding[] = [...fromDiffWithoutContent(change, artifacts)];
  // Patch input (`incomplete`) has only the changed lines: the diff fallback above covers it.
  const candidates = artifacts.filter(
    (a) => (a.unreadable && a.unreadable !== 'incomplete') || (!a.unreadable && a.baseContent !== undefined && a.baseContent.includes('prevent_destroy')),
  );
  if (candidates.length === 0) return findings;

  // A renamed file's base content belongs to the module of its old path (`infra/prod/db.tf` moved to `infra/staging/`).
  const oldPaths = new Map(change.files.flatMap((file) => (file.oldPath !== undefined && file.oldPath !== file.path ? [[file.path, file.oldPath] as const] : [])));
  const protectedAtBase = new Map<string, string>(); // "module\0address" -> file
  for (const artifact of candidates) {
    if (artifact.unreadable) {
      findings.push(cannotParse(artifact.path, `its content could not be loaded (${artifact.unreadable})`));
      continue;
    }
    const base = await parseTerraformConfig(artifact.path, artifact.baseContent!);
    if (base.error !== undefined) {
      findings.push(cannotParse(artifact.path, `base version${base.line !== undefined ? ` line ${base.line}` : ''}: ${base.error}`));
      continue;
    }
    const baseModule = moduleOf(oldPaths.get(artifact.path) ?? artifact.path);
    for (const address of findPreventDestroy(base.body)) protectedAtBase.set(`${baseModule}\0${address}`, artifact.path);
  }
  if (protectedAtBase.size === 0) return findings;

  const modules = new Set([...protectedAtBase.keys()].map((key) => key.split('\0')[0]!));
  const protectedAtHead = new Set<string>();
  const presentAtHead = new Set<string>();
  for (const artifact of artifacts) {
    if (artifact.content === undefined || artifact.unreadable || !modules.has(moduleOf(artifact.path))) continue;
    const head = await parseTerraformConfig(artifact.path, artifact.content);
    if (head.error !== undefined) {
      findings.push(cannotParse(artifact.path, head.error, head.line));
      continue;
    }
    const module = moduleOf(artifact.path);
    for (const address of findPreventDestroy(head.body)) protectedAtHead.add(`${module}\0${address}`);
    for (const address of findResources(head.body)) presentAtHead.add(`${module}\0${address}`);
  }
  for (const [key, file] of protectedAtBase) {
    if (protectedAtHead.has(key)) continue;
    const address = key.split('\0')[1]!;
    const stillThere = presentAtHead.has(key);
    findings.push({
      rule: ID,
      severity: 'high',
      message: stillThere
        ? `\`prevent_destroy\` removed from ${address}`
        : `${address}, protected by \`prevent_destroy\`, was removed from the configuration`,
      file,
      remediation: 'keep `prevent_destroy = true` unless destroying the resource is the intent; if it is, say so in the change documentation',
    });
  }
  return findings;
}

/** Changed Terraform files without a readable artifact: judge by the diff's removed lines. */
function fromDiffWithoutContent(change: Change, artifacts: readonly Artifact[]): Finding[] {
  const withContent = new Set(artifacts.filter((a) => !a.unreadable && (a.content !== undefined || a.baseContent !== undefined)).map((a) => a.path));
  const findings: Finding[] = [];
  for (const file of change.files) {
    if (!isTerraformConfig(file.path) || withContent.has(file.path) || file.status === 'added') continue;
    const removed = file.hunks.flatMap((h) => h.removed).filter((l) => PREVENT_DESTROY_TRUE.test(l.text));
    if (removed.length === 0) continue;
    const readded = file.hunks.flatMap((h) => h.added).filter((l) => PREVENT_DESTROY_TRUE.test(l.text)).length;
    if (readded >= removed.length) continue;
    findings.push({
      rule: ID,
      severity: 'high',
      message: `\`prevent_destroy = true\` removed (${removed.length - readded} of ${removed.length} occurrences)`,
      file: file.path,
      evidence: `removed at base line ${removed[0]!.line}`,
      remediation: 'keep `prevent_destroy = true` unless destroying the resource is the intent; if it is, say so in the change documentation',
    });
  }
  return findings;
}

function cannotParse(file: string, why: string, line?: number): Finding {
  return {
    rule: ID,
    severity: 'high',
    message: `cannot parse terraform configuration: ${why}`,
    file,
    ...(line !== undefined ? { line } : {}),
    remediation: 'fix the syntax so `prevent_destroy` can be checked; until then the file counts as unprotected',
  };
}
