/**
 * @module Reads the parts of `tollgate.yaml` the guard needs: environments, tier-1 critical paths
 * and guardrail paths.
 *
 * The guard runs before every agent action, so it does not load the full catalog validator. It
 * checks the few fields it reads by hand, leaning toward friction when they are malformed (an
 * environment whose `production` is not a boolean counts as production), and caches the result
 * keyed by the file's SHA-256 so the YAML parser only loads when the catalog changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Environment } from '../core/catalog/environments-schema.js';
import type { ProtectedPath } from './guard-types.js';
import { sha256Hex } from './sha256.js';

export interface CatalogGuardConfig {
  environments: Environment[];
  protectedPaths: ProtectedPath[];
  /** Problems found, one line each, naming the file and field. */
  problems: string[];
}

const CACHE_VERSION = 2;
const LISTS = ['names', 'kubeContexts', 'awsProfiles', 'awsAccounts', 'terraformWorkspaces', 'databaseHosts', 'stackPatterns'] as const;
const VERDICTS = new Set(['allow', 'ask', 'deny']);

/** Reads the guard's view of a catalog file; undefined when there is no such file. */
export function readCatalogGuardConfig(file: string, cacheFile?: string): CatalogGuardConfig | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const hash = sha256Hex(text);
  if (cacheFile) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: number; hash?: string; config?: CatalogGuardConfig };
      if (cached.version === CACHE_VERSION && cached.hash === hash && cached.config) return cached.config;
    } catch {
      // No cache yet, or an unreadable one: parse the catalog.
    }
  }
  const config = assembleCatalogGuardConfig(text, file);
  if (cacheFile) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify({ version: CACHE_VERSION, hash, config }));
    } catch {
      // The cache only saves time; a read-only checkout still gets the right answer.
    }
  }
  return config;
}

/** Parses catalog text into the guard's view; pure apart from loading the YAML parser. */
export function assembleCatalogGuardConfig(text: string, file: string): CatalogGuardConfig {
  const problems: string[] = [];
  let raw: unknown;
  try {
    const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    raw = yaml.parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { environments: [], protectedPaths: [], problems: [`${file}: invalid yaml: ${message}`] };
  }
  const root = isRecord(raw) ? raw : {};
  const environments: Environment[] = [];
  const rawEnvironments = root.environments;
  if (rawEnvironments !== undefined && !Array.isArray(rawEnvironments)) problems.push(`${file}: \`environments\` must be a list`);
  for (const [index, entry] of (Array.isArray(rawEnvironments) ? rawEnvironments : []).entries()) {
    const where = `${file}: \`environments[${index}]`;
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
      problems.push(`${where}\` needs a \`name\``);
      continue;
    }
    const production = entry.production === undefined ? false : entry.production;
    if (typeof production !== 'boolean') problems.push(`${where}.production\` must be true or false; treated as production`);
    const environment: Environment = {
      name: entry.name,
      production: typeof production === 'boolean' ? production : true,
      names: [], kubeContexts: [], awsProfiles: [], awsAccounts: [], terraformWorkspaces: [], databaseHosts: [], stackPatterns: [],
      actions: {},
    };
    for (const list of LISTS) {
      const value = entry[list];
      if (value === undefined) continue;
      if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) environment[list] = value.map(String);
      else problems.push(`${where}.${list}\` must be a list of strings`);
    }
    if (isRecord(entry.actions)) {
      for (const [action, verdict] of Object.entries(entry.actions)) {
        const valid = typeof verdict === 'string' && VERDICTS.has(verdict);
        if (!valid) problems.push(`${where}.actions.${action}\` must be allow, ask or deny; treated as ask`);
        environment.actions[action] = valid ? (verdict as 'allow' | 'ask' | 'deny') : 'ask';
      }
    }
    environments.push(environment);
  }
  const protectedPaths: ProtectedPath[] = [];
  for (const system of Array.isArray(root.systems) ? root.systems : []) {
    if (!isRecord(system) || system.tier !== 1 || !Array.isArray(system.critical)) continue;
    for (const pattern of system.critical) {
      if (typeof pattern === 'string' && pattern !== '') {
        protectedPaths.push({ pattern, reason: `is a critical path of tier-1 system \`${String(system.id)}\``, verdict: 'ask' });
      }
    }
  }
  const guardrails = isRecord(root.guardrails) && Array.isArray(root.guardrails.paths) ? root.guardrails.paths : [];
  for (const pattern of guardrails) {
    if (typeof pattern === 'string' && pattern !== '') protectedPaths.push({ pattern, reason: 'is a guardrail path in tollgate.yaml', verdict: 'ask' });
  }
  return { environments, protectedPaths, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
