/**
 * A separate OS process that appends audit events to a store and prints each acknowledged seq.
 * Usage: node --import tsx audit-writer.ts '<json: {target, count, tag}>'
 */
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

interface WriterConfig {
  target: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string };
  count: number;
  tag: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as WriterConfig;
const settings = { checkpointEvery: 1000, clock: () => new Date().toISOString() };
const store: Store =
  config.target.kind === 'sqlite'
    ? await openSqliteStore(config.target.path, settings)
    : await openPostgresStore({ url: config.target.url, schema: config.target.schema, maxConnections: 1 }, settings);

process.stdout.write('ready\n');
for (let index = 0; index < config.count; index += 1) {
  const event = await store.audit.append({ type: 'test.append', actor: config.tag, subject: `${config.tag}-${index}`, payload: { index } });
  // Written only after the append returned, i.e. after COMMIT: every printed seq is acknowledged.
  process.stdout.write(`${event.seq}\n`);
}
await store.close();
