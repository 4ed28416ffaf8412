import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpointFile, writeCheckpointFile } from './checkpoint-file.js';

const checkpoint = { seq: 12, hash: 'ab'.repeat(32), at: '2026-03-04T10:00:00.000Z', keyId: 'k'.repeat(64), signature: 'c2ln' };

describe('checkpoint files', () => {
  it('round-trips, refuses to overwrite, and explains bad files by field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-checkpoint-'));
    const path = join(dir, 'checkpoint.json');
    await writeCheckpointFile(path, checkpoint, 'PEM');
    expect(await readCheckpointFile(path)).toEqual({ ok: true, checkpoint, publicKey: 'PEM' });
    await expect(writeCheckpointFile(path, checkpoint)).rejects.toThrow(/EEXIST/);
    const cases: { content: string; message: RegExp }[] = [
      { content: '{', message: /not json/ },
      { content: JSON.stringify({ schema: 'tollgate.checkpoint/v1', ...checkpoint, hash: 'XYZ' }), message: /field `hash`: a lower-case hex sha256/ },
      { content: JSON.stringify({ ...checkpoint }), message: /field `schema`/ },
    ];
    for (const [index, testCase] of cases.entries()) {
      const bad = join(dir, `bad-${index}.json`);
      await writeFile(bad, testCase.content);
      const result = await readCheckpointFile(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(testCase.message);
    }
    expect(await readCheckpointFile(join(dir, 'missing.json'))).toMatchObject({ ok: false, message: expect.stringContaining('no such file') });
  });
});
