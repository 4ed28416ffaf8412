/**
 * @module `tollgate init`: writes a starter `tollgate.yaml` for the current repository.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { CATALOG_FILE, CatalogReadError } from '../../catalog/read-catalog.js';
import { readRepoInventory } from '../../catalog/read-repo-inventory.js';
import { assembleStarterCatalog } from '../../core/catalog/assemble-starter-catalog.js';
import { formatCatalogError, parseCatalog } from '../../core/catalog/parse-catalog.js';
import { UsageError } from '../cli-error.js';

interface InitOptions {
  force?: boolean;
  output?: string;
}

/** Registers `tollgate init [--force] [--output FILE]`. */
export function register(program: Command): void {
  program
    .command('init')
    .description('write a starter tollgate.yaml: one system per service folder, owners from CODEOWNERS')
    .option('--force', 'overwrite an existing catalog')
    .option('--output <file>', `where to write the catalog (default: ${CATALOG_FILE} at the repository root)`)
    .action(async (options: InitOptions) => {
      await runInit(options);
    });
}

async function runInit(options: InitOptions): Promise<void> {
  const cwd = process.cwd();
  const inventory = await readRepoInventory(cwd).catch((error: unknown) => {
    throw error instanceof CatalogReadError ? new UsageError(error.message) : error;
  });
  const output = options.output !== undefined ? resolve(cwd, options.output) : join(inventory.root, CATALOG_FILE);
  const schemaPath = join(inventory.root, 'node_modules', 'tollgate', 'schema', 'tollgate.schema.json');
  const schemaHint = toPosix(relative(dirname(output), schemaPath));
  const starter = assembleStarterCatalog({ ...inventory, schemaHint: schemaHint.startsWith('.') ? schemaHint : `./${schemaHint}` });

  // The starter must load as it is; anything else is a bug in init, not a user error.
  const check = parseCatalog(starter.text, output);
  if (check.errors) throw new Error(`init produced an invalid catalog:\n${check.errors.map(formatCatalogError).join('\n')}`);

  const shown = relative(cwd, output) || output;
  try {
    await writeFile(output, starter.text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`\`${shown}\` already exists; run \`tollgate init --force\` to overwrite it`);
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw new UsageError(`cannot write \`${shown}\`: ${code === 'ENOENT' ? 'no such folder' : 'not a file'}`);
    throw error;
  }
  const from = starter.codeownersPath ? ` (owners from ${starter.codeownersPath})` : '';
  process.stdout.write(
    `wrote ${shown}: ${count(starter.systems.length, 'system')}, ${count(starter.teams.length, 'team')}, ${count(starter.people.length, 'person', 'people')}${from}\n` +
      'every system starts at tier 3: raise the tiers of the systems that matter, add team members, then commit the file\n',
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
