import { describe, expect, it } from 'vitest';
import { groupCommits } from './group-commit.js';

describe('groupCommits', () => {
  it('writes appends made in one turn as one batch, in order, answering each caller its own output', async () => {
    const batches: number[][] = [];
    const append = groupCommits(async (inputs: number[]) => {
      batches.push(inputs);
      return inputs.map((n) => n * 10);
    });
    const outputs = await Promise.all([1, 2, 3, 4, 5].map(append));
    expect(outputs).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('gathers appends made while a batch is being written into the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const append = groupCommits(async (inputs: number[]) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs;
    });
    const first = append(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [append(2), append(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('fails only the caller whose write the store refuses', async () => {
    const append = groupCommits(async (inputs: number[]) => {
      if (inputs.includes(13)) throw new Error('refused 13');
      return inputs;
    });
    const results = await Promise.allSettled([12, 13, 14].map(append));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused 13'));
  });
});
