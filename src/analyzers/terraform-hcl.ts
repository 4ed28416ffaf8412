/**
 * @module Terraform configuration (`.tf` HCL and `.tf.json`): its resources and module calls, which
 * are protected by `prevent_destroy`, and the `moved` and `removed` blocks that say what happens to
 * ones taken out.
 *
 * HCL is parsed with @cdktf/hcl2json (HashiCorp's own HCL parser compiled to WebAssembly), loaded
 * on first use so commands that never read `.tf` files do not pay for it.
 */

/** A parsed configuration file as hcl2json renders it: blocks become objects of arrays. */
export type HclBody = Record<string, unknown>;

/** The parsed body, or the parser's message and the 1-based line it points at. */
export type HclParseResult = { body: HclBody; error?: undefined; line?: undefined } | { body?: undefined; error: string; line?: number };

type Hcl2Json = typeof import('@cdktf/hcl2json');
let hcl2json: Promise<Hcl2Json> | undefined;

/**
 * Parses one configuration file. `.tf.json` files are plain JSON in the same shape; anything else
 * is HCL. Never throws for bad content.
 *
 * @example (await parseTerraformConfig('main.tf', 'resource "aws_s3_bucket" "b" {}')).body
 * // => { resource: { aws_s3_bucket: { b: [{}] } } }
 */
export async function parseTerraformConfig(path: string, content: string): Promise<HclParseResult> {
  if (path.endsWith('.json')) {
    try {
      const data: unknown = JSON.parse(content);
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return { error: 'expected a JSON object' };
      return { body: data as HclBody };
    } catch (error) {
      return { error: `invalid JSON: ${error instanceof Error ? error.message.toLowerCase() : String(error)}` };
    }
  }
  hcl2json ??= import('@cdktf/hcl2json');
  const { parse } = await hcl2json;
  try {
    const body: unknown = await parse(path, content);
    if (body === null || typeof body !== 'object') return { error: 'the HCL parser returned no body' };
    return { body: body as HclBody };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // e.g. "parse config: [main.tf:2,7-3,1: Invalid expression; Expected the start of an expression, …]"
    const located = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]+)/.exec(message);
    if (located) return { error: located[2]!.trim(), line: Number(located[1]) };
    return { error: message.replace(/^parse config: /, '') };
  }
}

/**
 * Addresses (`type.name`) of the resources in `body` whose `lifecycle` sets `prevent_destroy = true`.
 * Only the literal `true` protects (Terraform does not allow expressions there).
 */
export function findPreventDestroy(body: HclBody): Set<string> {
  const protectedAddresses = new Set<string>();
  for (const resources of blocks(body['resource'])) {
    for (const [type, byName] of Object.entries(resources)) {
      for (const named of blocks(byName)) {
        for (const [name, definitions] of Object.entries(named)) {
          const isProtected = blocks(definitions).some((definition) =>
            blocks(definition['lifecycle']).some((lifecycle) => lifecycle['prevent_destroy'] === true),
          );
          if (isProtected) protectedAddresses.add(`${type}.${name}`);
        }
      }
    }
  }
  return protectedAddresses;
}

/** Addresses (`type.name`) of every resource block in `body`. */
export function findResources(body: HclBody): Set<string> {
  const addresses = new Set<string>();
  for (const resources of blocks(body['resource'])) {
    for (const [type, byName] of Object.entries(resources)) {
      for (const named of blocks(byName)) for (const name of Object.keys(named)) addresses.add(`${type}.${name}`);
    }
  }
  return addresses;
}

/**
 * The `count` of each resource block that sets one: the number when it is written as one, `computed`
 * when it is an expression (`var.replicas`). A block without `count` is one instance and is left out.
 */
export function findResourceCounts(body: HclBody): Map<string, number | 'computed'> {
  const counts = new Map<string, number | 'computed'>();
  for (const resources of blocks(body['resource'])) {
    for (const [type, byName] of Object.entries(resources)) {
      for (const named of blocks(byName)) {
        for (const [name, definitions] of Object.entries(named)) {
          const count = blocks(definitions)[0]?.['count'];
          if (count !== undefined) counts.set(`${type}.${name}`, typeof count === 'number' && Number.isInteger(count) ? count : 'computed');
        }
      }
    }
  }
  return counts;
}

/** Names of every `module "name" {}` call in `body`, as addresses (`module.name`). */
export function findModuleCalls(body: HclBody): Set<string> {
  const addresses = new Set<string>();
  for (const calls of blocks(body['module'])) for (const name of Object.keys(calls)) addresses.add(`module.${name}`);
  return addresses;
}

/** `moved` blocks: each `from` address with its `to` (what was renamed or moved, not removed). */
export function findMoves(body: HclBody): Map<string, string> {
  const moves = new Map<string, string>();
  for (const moved of blocks(body['moved'])) {
    const from = addressOf(moved['from']);
    const to = addressOf(moved['to']);
    if (from !== undefined && to !== undefined) moves.set(from, to);
  }
  return moves;
}

/**
 * `removed` blocks: the address each takes out of the configuration, and whether Terraform destroys
 * it (`lifecycle { destroy = true }`, or no literal `false`) or only forgets it.
 */
export function findRemovedBlocks(body: HclBody): { from: string; destroy: boolean }[] {
  return blocks(body['removed']).flatMap((removed) => {
    const from = addressOf(removed['from']);
    if (from === undefined) return [];
    const forget = blocks(removed['lifecycle']).some((lifecycle) => lifecycle['destroy'] === false);
    return [{ from, destroy: !forget }];
  });
}

/** An address written as an expression: hcl2json gives `${aws_instance.web}`, `.tf.json` the bare text. */
function addressOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const address = /^\$\{(.*)\}$/s.exec(value.trim())?.[1] ?? value;
  return address.trim() || undefined;
}

/** hcl2json renders each block as an array of objects; `.tf.json` may use a bare object. */
function blocks(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
}
