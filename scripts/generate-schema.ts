/**
 * @module Writes `schema/tollgate.schema.json` from the catalog's zod schema.
 *
 * Run `npx tsx scripts/generate-schema.ts` after changing the catalog schema; a test fails
 * while the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogJsonSchemaText } from '../src/core/catalog/assemble-catalog-json-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'tollgate.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, catalogJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
