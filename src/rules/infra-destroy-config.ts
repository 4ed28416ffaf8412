/**
 * @module Part of `infra-destroy`: what a change to Terraform configuration destroys on the next
 * apply, without a plan: resources that lost `lifecycle { prevent_destroy = true }`, resource blocks
 * and module calls taken out (Terraform destroys what the configuration no longer holds), and
 * `removed` blocks.
 *
 * Base and head configurations are parsed and compared per Terraform module (directory). Only the
 * changed files are read, which is enough: a block cannot sit in an unchanged file at head and in a
 * changed file at base, since Terraform refuses the same address twice. A resource moved to another
 * file of the same module, or named in a `moved` block's `from`, is not taken out. When a changed
 * `.tf` file has no content to parse, the diff's removed lines are the fallback for `prevent_destroy`.
 */
import { findModuleCalls, findMoves, findPreventDestroy, findRemovedBlocks, findResourceCounts, findResources, parseTerraformConfig, type HclBody } from '../analyzers/terraform-hcl.js';
import type { Artifact, Change } from '../core/change.js';
import type { Finding } from '../core/finding.js';

const ID = 'infra-destroy';
const PREVENT_DESTROY_TRUE = /\bprevent_destroy\s*=\s*true\b|"prevent_destroy"\s*:\s*true\b/;
const KEEP_PROTECTION = 'keep `prevent_destroy = true` unless destroying the resource is the intent; if it is, say so in the change documentation';

const isTerraformConfig = (path: string): boolean => path.endsWith('.tf') || path.endsWith('.tf.json');
const moduleOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');

/** How a resource type is judged: stateful types lose data (critical), ignored ones are not reported. */
export interface ResourceTypeJudgement {
  isStateful(type: string): boolean;
  isIgnored(type: string): boolean;
  /** What destroying a stateful type loses, for the message. */
  loses(type: string): string;
}

/** One side (base or head) of the changed files of one module. */
interface ModuleSide {
  /** Resource and module-call addresses, with the file each is in. */
  blocks: Map<string, string>;
  protectedBlocks: Set<string>;
  /** `count` of the resource blocks that set one. */
  counts: Map<string, number | 'computed'>;
  /** `moved` blocks: `from` → `to`. */
  moves: Map<string, string>;
  removedBlocks: Map<string, { destroy: boolean; file: string }>;
}

/** Findings for what the configuration change destroys or unprotects. */
export async function findConfigDestroys(change: Change, types: ResourceTypeJudgement): Promise<Finding[]> {
  const artifacts = change.artifacts.filter((a) => a.kind === 'terraform-hcl');
  const findings: Finding[] = [...fromDiffWithoutContent(change, artifacts)];
  if (artifacts.length === 0) return findings;
  // A renamed file's base content belongs to the module of its old path (`infra/prod/db.tf` moved to `infra/staging/`).
  const oldPaths = new Map(change.files.flatMap((file) => (file.oldPath !== undefined && file.oldPath !== file.path ? [[file.path, file.oldPath] as const] : [])));
  const base = new Map<string, ModuleSide>();
  const head = new Map<string, ModuleSide>();
  /** Modules where a side did not parse: what it takes out cannot be known (Terraform stops there too). */
  const unreadable = new Set<string>();
  for (const artifact of artifacts) {
    const baseModule = moduleOf(oldPaths.get(artifact.path) ?? artifact.path);
    if (artifact.unreadable) {
      // Patch input (`incomplete`) has only the changed lines: the diff fallback covers it.
      if (artifact.unreadable !== 'incomplete') findings.push(cannotParse(artifact.path, `its content could not be loaded (${artifact.unreadable})`));
      unreadable.add(baseModule).add(moduleOf(artifact.path));
      continue;
    }
    if (artifact.baseContent !== undefined) {
      const parsed = await parseTerraformConfig(artifact.path, artifact.baseContent);
      if (parsed.error === undefined) addSide(base, baseModule, artifact.path, parsed.body);
      else {
        unreadable.add(baseModule);
        if (artifact.baseContent.includes('prevent_destroy')) findings.push(cannotParse(artifact.path, `base version${parsed.line !== undefined ? ` line ${parsed.line}` : ''}: ${parsed.error}`));
      }
    }
    if (artifact.content !== undefined) {
      const parsed = await parseTerraformConfig(artifact.path, artifact.content);
      if (parsed.error === undefined) addSide(head, moduleOf(artifact.path), artifact.path, parsed.body);
      else {
        unreadable.add(moduleOf(artifact.path));
        // A file that protected something and no longer parses counts as unprotected.
        if (artifact.baseContent?.includes('prevent_destroy')) findings.push(cannotParse(artifact.path, parsed.error, parsed.line));
      }
    }
  }
  for (const [module, before] of base) {
    const after = head.get(module) ?? emptySide();
    for (const address of before.protectedBlocks) {
      // A `removed` block says itself what happens to it (destroyed, or kept unmanaged).
      if (after.protectedBlocks.has(address) || after.removedBlocks.has(address)) continue;
      const stillThere = after.blocks.has(address);
      // Taken out with its protection, a stateful resource is as critical as any other taken out.
      const type = typeOf(address);
      const stateful = !stillThere && type !== undefined && movedTo(after, address) !== 'declared' && types.isStateful(type);
      findings.push({
        rule: ID,
        severity: stateful ? 'critical' : 'high',
        message: stillThere ? `\`prevent_destroy\` removed from ${address}` : `${address}, protected by \`prevent_destroy\`, was removed from the configuration`,
        file: before.blocks.get(address)!,
        ...(stateful ? { evidence: `stateful: ${types.loses(type)}` } : {}),
        remediation: KEEP_PROTECTION,
      });
    }
    if (unreadable.has(module)) continue;
    for (const [address, file] of before.blocks) {
      if (after.blocks.has(address)) {
        const finding = fewerInstances(address, before.counts.get(address), after.counts.get(address), after.blocks.get(address)!, types);
        if (finding) findings.push(finding);
        continue;
      }
      const moved = movedTo(after, address);
      if (before.protectedBlocks.has(address) || moved === 'declared' || after.removedBlocks.has(address)) continue;
      const finding = moved === 'other-module' ? movedOutOfSight(address, after.moves.get(address)!, file) : takenOut(address, file, types);
      if (finding) findings.push(finding);
    }
  }
  for (const [module, after] of head) {
    for (const [address, { destroy, file }] of after.removedBlocks) {
      if (base.get(module)?.removedBlocks.has(address)) continue;
      const finding = removedBlock(address, destroy, file, types);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function emptySide(): ModuleSide {
  return { blocks: new Map(), protectedBlocks: new Set(), counts: new Map(), moves: new Map(), removedBlocks: new Map() };
}

function addSide(sides: Map<string, ModuleSide>, module: string, file: string, body: HclBody): void {
  let side = sides.get(module);
  if (!side) sides.set(module, (side = emptySide()));
  for (const address of [...findResources(body), ...findModuleCalls(body)]) side.blocks.set(address, file);
  for (const address of findPreventDestroy(body)) side.protectedBlocks.add(address);
  for (const [address, count] of findResourceCounts(body)) side.counts.set(address, count);
  for (const [from, to] of findMoves(body)) side.moves.set(from, to);
  for (const { from, destroy } of findRemovedBlocks(body)) side.removedBlocks.set(from, { destroy, file });
}

/**
 * Where `moved` blocks take `address` (through any chain of them: a→b, b→c): `declared` when to a
 * block the module declares at head, or into a `module` call the changed files declare
 * (`module.db.aws_db_instance.this`; what the module declares is not read); `other-module` when into
 * a call the changed files do not declare (it may sit in a file the change leaves alone); false when
 * nowhere, or to an address nothing declares, where Terraform destroys the object.
 */
function movedTo(head: ModuleSide, address: string): 'declared' | 'other-module' | false {
  let to = head.moves.get(address);
  for (let hops = 0; to !== undefined && hops < 16; hops++) {
    const declared = to.replace(/\[[^\]]*\]/g, '');
    const call = /^module\.[^.]+/.exec(declared)?.[0];
    if (head.blocks.has(declared) || (call !== undefined && head.blocks.has(call))) return 'declared';
    if (call !== undefined) return 'other-module';
    to = head.moves.get(to) ?? head.moves.get(declared);
  }
  return false;
}

/** The resource type of an address (`aws_db_instance.orders`), or undefined for a module call. */
const typeOf = (address: string): string | undefined => (address.startsWith('module.') ? undefined : address.slice(0, address.indexOf('.')));

/** A block moved into a module call the changed files do not declare: destroyed unless another file declares it. */
function movedOutOfSight(address: string, to: string, file: string): Finding {
  return {
    rule: ID,
    severity: 'high',
    message: `${address} is moved to ${to}, whose \`module\` call the changed files do not declare: if no file of the module declares it, the next apply destroys it`,
    file,
    remediation: 'attach the plan, which shows whether the move lands; a move into a module that does not exist destroys the object',
  };
}

/** A resource block or module call the change takes out: the next apply destroys it. */
function takenOut(address: string, file: string, types: ResourceTypeJudgement): Finding | undefined {
  const type = typeOf(address);
  if (type === undefined) {
    return {
      rule: ID,
      severity: 'high',
      message: `${address} was removed from the configuration: the next apply destroys every resource it manages`,
      file,
      remediation: 'if its resources must live on, add `moved` blocks to where they go now, or `removed` blocks with `lifecycle { destroy = false }`; otherwise attach the plan and say so in the change documentation',
    };
  }
  if (types.isIgnored(type)) return undefined;
  const loses = types.isStateful(type) ? types.loses(type) : undefined;
  return {
    rule: ID,
    severity: loses ? 'critical' : 'high',
    message: `${address} was removed from the configuration: the next apply destroys it`,
    file,
    ...(loses ? { evidence: `stateful: ${loses}` } : {}),
    remediation: 'if it must live on, add a `moved` block to its new address or a `removed` block with `lifecycle { destroy = false }`; otherwise attach the plan and a backup plan',
  };
}

/**
 * A `count` lowered from one literal number to another (no `count` is one instance, without an
 * index): the instances above the new count are destroyed.
 */
function fewerInstances(address: string, before: number | 'computed' | undefined, after: number | 'computed' | undefined, file: string, types: ResourceTypeJudgement): Finding | undefined {
  const type = typeOf(address);
  const was = before ?? 1;
  const now = after ?? 1;
  if (type === undefined || was === 'computed' || now === 'computed' || now >= was || types.isIgnored(type)) return undefined;
  const gone = before === undefined ? address : was - now === 1 ? `${address}[${now}]` : `${address}[${now}] to [${was - 1}]`;
  const loses = types.isStateful(type) ? types.loses(type) : undefined;
  return {
    rule: ID,
    severity: loses ? 'critical' : 'high',
    message: `\`count\` of ${address} lowered from ${was} to ${now}: the next apply destroys ${gone}`,
    file,
    ...(loses ? { evidence: `stateful: ${loses}` } : {}),
    remediation: 'make sure the instances above the new count are meant to go (a `moved` block keeps one under another address); attach the plan',
  };
}

/** A `removed` block the change adds: it destroys its resource, or only takes it out of Terraform's hands. */
function removedBlock(address: string, destroy: boolean, file: string, types: ResourceTypeJudgement): Finding | undefined {
  const type = typeOf(address);
  if (type !== undefined && types.isIgnored(type)) return undefined;
  if (!destroy) {
    return {
      rule: ID,
      severity: 'medium',
      message: `a \`removed\` block takes ${address} out of Terraform's management (the object is kept, no longer managed)`,
      file,
      remediation: 'make sure someone owns the object from now on, or keep it in the configuration',
    };
  }
  const stateful = type !== undefined && types.isStateful(type);
  const loses = stateful ? types.loses(type) : undefined;
  return {
    rule: ID,
    severity: stateful ? 'critical' : 'high',
    message: `a \`removed\` block destroys ${address}${type === undefined ? ' and every resource it manages' : ''}`,
    file,
    ...(loses ? { evidence: `stateful: ${loses}` } : {}),
    remediation: 'set `lifecycle { destroy = false }` if the object must live on; otherwise attach the plan and a backup plan',
  };
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
      remediation: KEEP_PROTECTION,
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
