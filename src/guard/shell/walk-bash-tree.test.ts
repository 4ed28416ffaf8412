/**
 * @module The tree walker finds every command that runs, decodes every quoting, and corrects the places
 * where tree-sitter-bash's tree differs from how bash runs the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBashParser } from './load-bash-parser.js';
import type { ShellParser } from './shell-syntax.js';

let bash: ShellParser;
beforeAll(async () => {
  bash = await loadBashParser();
});

const argvs = (source: string): string[][] => bash.parse(source).commands.map((command) => command.words.map((word) => word.value));

describe('walkBashTree', () => {
  it.each([
    ['a | b && c; (d) & { e; }', [['a'], ['b'], ['c'], ['d'], ['e']]],
    ['echo $(rm -rf x) `ls` <(cat y) >(tee z)', [['rm', '-rf', 'x'], ['ls'], ['cat', 'y'], ['tee', 'z'], ['echo', '\uFFFD', '\uFFFD', '\uFFFD', '\uFFFD']]],
    ['f() { rm -rf x; }', [['rm', '-rf', 'x']]],
    ['if a; then b; elif c; then d; else e; fi', [['a'], ['b'], ['c'], ['d'], ['e']]],
    ['for i in $(seq 3); do x $i; done', [['seq', '3'], ['x', '$i']]],
    ["r''m r\\m $'\\x72m' \"r\"m", [['rm', 'rm', 'rm', 'rm']]],
    ['rm > /dev/null -rf /', [['rm', '-rf', '/']]],
    ['bash -c "echo a\n\nrm -rf /"', [['bash', '-c', 'echo a\n\nrm -rf /']]],
    ['X=$(whoami) y', [['whoami'], ['y']]],
    ['export A=prod B=$(id)', [['id']]],
  ])('%j', (source, expected) => {
    expect(argvs(source)).toEqual(expected);
  });

  it('applies a redirect after a pipeline to its last command, as bash does', () => {
    const [first, second] = bash.parse('a | b > out.txt').commands;
    expect(first?.redirects).toEqual([]);
    expect(second?.redirects.map((redirect) => redirect.target.value)).toEqual(['out.txt']);
  });

  it('feeds a heredoc to its command and pipes that command into the rest of the pipeline', () => {
    const [cat, psql] = bash.parse('cat <<EOF | psql\nDROP TABLE x;\nEOF').commands;
    expect(cat?.stdin).toEqual({ kind: 'heredoc', body: 'DROP TABLE x;\n', expands: true });
    expect(psql?.stdin?.kind).toBe('pipe');
  });

  it('runs the substitutions inside an unquoted heredoc, not inside a quoted one', () => {
    expect(argvs('cat <<EOF\n$(rm -rf /)\nEOF')).toContainEqual(['rm', '-rf', '/']);
    expect(argvs("cat <<'EOF'\n$(rm -rf /)\nEOF")).not.toContainEqual(['rm', '-rf', '/']);
  });

  it('records standalone and exported assignments for later commands', () => {
    expect(bash.parse('export AWS_PROFILE=prod; X=1').assignments.map((a) => [a.name, a.value.value])).toEqual([['AWS_PROFILE', 'prod'], ['X', '1']]);
  });

  it.each(['echo "unterminated', 'if (', 'a && ', 'case x in'])('reports %j as a problem', (source) => {
    expect(bash.parse(source).problems.length).toBeGreaterThan(0);
  });

  it('marks run-time parts and globs', () => {
    const [word] = bash.parse('ls "$HOME"/*.ts').commands[0]?.words.slice(1) ?? [];
    expect(word).toMatchObject({ literal: false, expands: true, value: '$HOME/*.ts' });
  });
});
