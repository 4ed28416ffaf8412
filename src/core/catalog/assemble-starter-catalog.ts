/**
 * @module What `tollgate init` proposes for a repository: one system per service folder, owners from CODEOWNERS.
 *
 * Pure: the caller lists the repository's files and reads its CODEOWNERS files. Every system
 * starts at tier 3 (least friction) because only people know which systems are critical.
 */
import { CODEOWNERS_LOCATIONS, type CodeownersMatcher, compileCodeowners, parseCodeowners } from './codeowners.js';
import { renderStarterCatalog } from './render-starter-catalog.js';

/** What init knows about the repository. */
export interface StarterCatalogInput {
  /** Repository-relative file paths with `/` separators (tracked and untracked, not ignored). */
  files: readonly string[];
  /** CODEOWNERS files found, by repository-relative path (any of `CODEOWNERS_LOCATIONS`). */
  codeowners: readonly { path: string; text: string }[];
  /** Where editors find the JSON Schema, relative to the catalog file. */
  schemaHint: string;
}

export interface StarterSystem {
  id: string;
  /** The folder the system was found in, e.g. `services/checkout`. */
  folder: string;
  paths: string[];
  /** Team or person ids. */
  owners: string[];
}
export interface StarterPerson {
  id: string;
  github?: string;
  email?: string;
}
export interface StarterTeam {
  id: string;
  /** The CODEOWNERS name, e.g. `@acme/checkout-eng`. */
  handle: string;
}

export interface StarterCatalog {
  systems: StarterSystem[];
  people: StarterPerson[];
  teams: StarterTeam[];
  guardrailOwners: string[];
  /** The CODEOWNERS file owners were taken from (GitHub's precedence), if any. */
  codeownersPath?: string;
  /** The commented `tollgate.yaml` text. */
  text: string;
}

/** Folders that hold one service, app or package per subfolder. */
export const CONTAINER_FOLDERS = ['services', 'apps', 'packages', 'libs', 'modules'] as const;
/** Top-level folders that are build output or vendored code, never a system. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', 'third_party', 'dist', 'build', 'out', 'target', 'coverage', 'tmp']);
/** Owners of a folder are decided on at most this many of its files (a sample keeps init fast on huge repos). */
const OWNER_SAMPLE = 500;

/**
 * Proposes a catalog for the repository described by `input`.
 *
 * @example assembleStarterCatalog({ files: ['services/checkout/a.ts'], codeowners: [], schemaHint: './s.json' }).systems[0]?.id // => 'checkout'
 */
export function assembleStarterCatalog(input: StarterCatalogInput): StarterCatalog {
  const codeowners = CODEOWNERS_LOCATIONS.map((path) => input.codeowners.find((c) => c.path === path)).find((c) => c !== undefined);
  const matcher = compileCodeowners(codeowners ? parseCodeowners(codeowners.text) : []);
  const identities = new IdentityRegistry();

  const systems = findSystemFolders(input.files).map(({ id, folder, files }) => ({
    id,
    folder,
    paths: [`${escapeGlob(folder)}/**`],
    owners: identities.idsOf(commonOwners(matcher, files)),
  }));
  const guardrailOwners = identities.idsOf(matcher.ruleFor(codeowners?.path ?? 'tollgate.yaml')?.owners ?? []);
  const starter = { systems, people: identities.people, teams: identities.teams, guardrailOwners, codeownersPath: codeowners?.path };
  return { ...starter, text: renderStarterCatalog(starter, input.schemaHint) };
}

/** One entry per service folder with the files inside it, ids unique. */
function findSystemFolders(files: readonly string[]): { id: string; folder: string; files: string[] }[] {
  const byFolder = new Map<string, string[]>();
  const add = (folder: string, file: string): void => {
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  };
  const containersWithChildren = new Set(
    files.map((f) => f.split('/')).filter((s) => s.length >= 3 && (CONTAINER_FOLDERS as readonly string[]).includes(s[0]!)).map((s) => s[0]!),
  );
  for (const file of [...files].sort()) {
    const segments = file.split('/');
    if (segments.length < 2 || segments[0]!.startsWith('.') || SKIPPED_FOLDERS.has(segments[0]!)) continue;
    if (containersWithChildren.has(segments[0]!)) {
      if (segments.length >= 3) add(`${segments[0]}/${segments[1]}`, file);
    } else {
      add(segments[0]!, file);
    }
  }
  const folders = [...byFolder.keys()];
  const baseIds = folders.map((folder) => toId(folder.split('/').pop()!));
  const used = new Set<string>();
  return folders.map((folder, i) => {
    const clash = baseIds.filter((id) => id === baseIds[i]).length > 1;
    const id = unique(clash ? toId(folder.replace('/', '-')) : baseIds[i]!, used);
    return { id, folder, files: byFolder.get(folder)! };
  });
}

/** The owners most of the folder's files have (the first of the most common sets on a tie). */
function commonOwners(matcher: CodeownersMatcher, files: readonly string[]): string[] {
  const step = Math.max(1, Math.floor(files.length / OWNER_SAMPLE));
  const counts = new Map<string, { owners: string[]; count: number }>();
  for (let i = 0; i < files.length; i += step) {
    const owners = matcher.ruleFor(files[i]!)?.owners ?? [];
    const key = owners.join(' ');
    const entry = counts.get(key) ?? { owners, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { owners: string[]; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.owners ?? [];
}

/** Turns CODEOWNERS names into catalog people and teams, each once, with valid unique ids. */
class IdentityRegistry {
  readonly people: StarterPerson[] = [];
  readonly teams: StarterTeam[] = [];
  private readonly byName = new Map<string, string>();
  private readonly personIds = new Set<string>();
  private readonly teamIds = new Set<string>();

  idsOf(names: readonly string[]): string[] {
    return [...new Set(names.map((name) => this.idOf(name)).filter((id): id is string => id !== undefined))];
  }

  private idOf(name: string): string | undefined {
    const key = name.toLowerCase();
    const known = this.byName.get(key);
    if (known !== undefined) return known;
    let id: string | undefined;
    const team = /^@([^/\s]+)\/([^/\s]+)$/.exec(name);
    const user = /^@([A-Za-z0-9-]+)$/.exec(name);
    if (team) {
      const slug = toId(team[2]!);
      id = unique(this.teamIds.has(slug) ? toId(`${team[1]}-${team[2]}`) : slug, this.teamIds);
      this.teams.push({ id, handle: name });
    } else if (user) {
      id = unique(toId(user[1]!.toLowerCase()), this.personIds);
      this.people.push({ id, github: user[1]! });
    } else if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name)) {
      id = unique(toId(name.split('@')[0]!.toLowerCase()), this.personIds);
      this.people.push({ id, email: name });
    }
    if (id !== undefined) this.byName.set(key, id);
    return id;
  }
}

/** A catalog id (`[A-Za-z0-9][A-Za-z0-9._-]*`) made from a folder or handle name. */
function toId(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return cleaned === '' ? 'system' : cleaned;
}

/** `id`, or `id-2`, `id-3`… when taken; records the result in `used`. */
function unique(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** Folder names are literal: glob characters in them are escaped. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
