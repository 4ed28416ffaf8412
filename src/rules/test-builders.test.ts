import { describe, expect, it } from 'vitest';
import { addedFile, binaryFile, buildCatalog, buildChange, buildHunk, buildRuleInput, deletedFile, fileFromContents, hunksFromDiff, modifiedFile, renamedFile, toLines } from './test-builders.js';

describe('test builders', () => {
  it('numbers diff lines through context the way git does', () => {
    const [first, second] = hunksFromDiff('@@ -10,4 +10,5 @@ fn()\n keep\n-old a\n+new a\n+new b\n keep\n keep\n@@ -30 +31 @@\n-x\n+y\n\\ No newline at end of file');
    expect(first).toEqual({
      oldStart: 10,
      oldLines: 4,
      newStart: 10,
      newLines: 5,
      removed: [{ line: 11, text: 'old a' }],
      added: [
        { line: 11, text: 'new a' },
        { line: 12, text: 'new b' },
      ],
    });
    expect(second).toMatchObject({ oldStart: 30, oldLines: 1, newStart: 31, newLines: 1, removed: [{ line: 30, text: 'x' }], added: [{ line: 31, text: 'y' }] });
  });

  it('builds files whose counts match their hunks', () => {
    expect(addedFile('a.ts', 'one\ntwo\n')).toMatchObject({ status: 'added', additions: 2, deletions: 0, hunks: [{ newStart: 1, added: [{ line: 1 }, { line: 2 }] }] });
    expect(deletedFile('b.ts', 3)).toMatchObject({ status: 'deleted', additions: 0, deletions: 3, baseLineCount: 3 });
    expect(modifiedFile('c.ts', [{ oldStart: 5, removed: ['a'], added: ['b', 'c'], context: 2 }])).toMatchObject({
      additions: 2,
      deletions: 1,
      hunks: [{ oldStart: 5, oldLines: 3, newStart: 5, newLines: 4 }],
    });
    expect(renamedFile('old.ts', 'new.ts')).toMatchObject({ status: 'renamed', oldPath: 'old.ts', path: 'new.ts', hunks: [] });
    expect(binaryFile('logo.png')).toMatchObject({ binary: true, unreadable: 'binary', hunks: [] });
    expect(buildHunk({ added: ['x'] })).toMatchObject({ oldStart: 1, newStart: 1, oldLines: 0, newLines: 1 });
  });

  it('diffs base and head text into one hunk between common lines', () => {
    const file = fileFromContents('a.sql', 'a\nb\nc\nd\n', 'a\nB\nB2\nd\n');
    expect(file).toMatchObject({ status: 'modified', baseLineCount: 4, additions: 2, deletions: 2 });
    expect(file.hunks[0]?.removed).toEqual([{ line: 2, text: 'b' }, { line: 3, text: 'c' }]);
    expect(file.hunks[0]?.added).toEqual([{ line: 2, text: 'B' }, { line: 3, text: 'B2' }]);
    expect(fileFromContents('a', 'x\n', 'x\n').hunks).toEqual([]);
    expect(fileFromContents('a', undefined, 'x\n').status).toBe('added');
    expect(fileFromContents('a', 'x\n', undefined).status).toBe('deleted');
  });

  it('builds a change with stats, a validated catalog and a rule input', () => {
    const change = buildChange([addedFile('a', ['1', '2']), deletedFile('b', 3)]);
    expect(change.stats).toEqual({ files: 2, additions: 2, deletions: 3 });
    const catalog = buildCatalog({ systems: [{ id: 's', tier: 1, paths: ['a'] }] });
    expect(catalog.rules.disable).toEqual([]);
    expect(buildRuleInput(change, catalog).systems.tierOf('a')).toBe(1);
    expect(() => buildCatalog({ systems: [{ id: 's', tier: 5, paths: ['a'] }] })).toThrow();
    expect(toLines('a\n\nb\n')).toEqual(['a', '', 'b']);
  });
});
