import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_TEST_URL, postgresHarness, requirePostgres } from '../../../test/store-contract/store-harness.js';
import { describeStoreContract } from '../store.contract.js';

const postgresUp = await requirePostgres();

describeStoreContract('postgres', postgresHarness, postgresUp);

describe.runIf(postgresUp)('PostgreSQL assembly of the hashed text', () => {
  it('pg_catalog.to_json(text) escapes every storable string exactly as JSON.stringify', async () => {
    const texts: string[] = ['', '\u{1F600}', '\u{10FFFF}', '\\"\u2028'];
    for (let code = 1; code < 0x10000; code += 1) if (code < 0xd800 || code > 0xdfff) texts.push(`a${String.fromCharCode(code)}b`);
    const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ quoted: string }>('SELECT pg_catalog.to_json(t)::text AS quoted FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i', [texts]);
      expect(rows.map((row, index) => (row.quoted === JSON.stringify(texts[index]) ? 0 : index)).filter(Boolean)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
