import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteHarness } from '../../../test/store-contract/store-harness.js';
import { describeStoreContract } from '../store.contract.js';

describeStoreContract('sqlite', sqliteHarness);

describe('SQLite assembly of the hashed text', () => {
  it('json_quote() escapes every well-formed string exactly as JSON.stringify (so SQL can assemble the canonical event)', () => {
    const db = new Database(':memory:');
    const quote = db.prepare('SELECT json_quote(?)').pluck();
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCharCode(code)}b`;
      if (quote.get(text) !== JSON.stringify(text)) differing.push(code);
    }
    for (const text of ['', '\u{1F600}', '\u{10FFFF}', '\\"\u2028']) if (quote.get(text) !== JSON.stringify(text)) differing.push(-1);
    db.close();
    expect(differing).toEqual([]);
  });

  it('refuses event fields with lone surrogates, which could not be hashed consistently', async () => {
    const harness = await sqliteHarness();
    try {
      await expect(harness.store.audit.append({ type: 't', actor: 'a\ud800', subject: '', payload: {} })).rejects.toThrow(/well-formed/);
      expect(await harness.store.audit.head()).toBeNull();
    } finally {
      await harness.cleanup();
    }
  });
});
