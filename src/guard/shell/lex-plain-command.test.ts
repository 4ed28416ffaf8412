/**
 * @module The fast lexer must read every text it accepts exactly as tree-sitter-bash (through the walker)
 * does, and must refuse everything outside its plain subset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stdinOf } from './expand-invocations.js';
import { lexPlainCommand } from './lex-plain-command.js';
import { loadBashParser } from './load-bash-parser.js';
import type { ShellParser, ShellScript } from './shell-syntax.js';

let bash: ShellParser;
beforeAll(async () => {
  bash = await loadBashParser();
});

/** What the rules see of a script, without source offsets. */
function shape(script: ShellScript): unknown {
  return {
    commands: script.commands.map((command) => ({
      words: command.words.map((word) => ({ value: word.value, literal: word.literal, expands: word.expands })),
      assignments: command.assignments.map((assignment) => [assignment.name, assignment.value.value]),
      redirects: command.redirects.map((redirect) => [redirect.operator, redirect.descriptor ?? null, redirect.target.value]),
      stdin: command.stdin?.kind === 'pipe' ? ['pipe', command.stdin.from[command.stdin.from.length - 1]?.words.map((word) => word.value)] : stdinOf(command),
    })),
    assignments: script.assignments.map((assignment) => [assignment.name, assignment.value.value]),
    problems: script.problems,
  };
}

const PLAIN = [
  'ls',
  'ls -la src/',
  'git commit -m "fix: the guard"',
  "git commit -m 'multi\nline message'",
  'git commit -m "subject\n\nbody line"',
  'npm test 2>&1 | tail -20',
  'npm run build > build.log 2> errors.log',
  'cat a.txt >> b.txt',
  'make && make install || echo failed',
  'a; b; c',
  'sleep 5 &',
  'a & b',
  'FOO=1 BAR="two words" node app.js',
  'A=1 B=2',
  "X='it''s' y",
  'echo "a" \'b\' c"d"e',
  'cd src && npm ci',
  'ls\npwd\ngit status',
  '\n\nls\n',
  'cmd 2>&1',
  'cmd >&2',
  'cmd &> out.log',
  'cmd < input.txt',
  'grep -rn "TODO" src | wc -l',
  'curl -fsSL https://example.com/x.json -o x.json',
  "cat > notes.md <<'EOF'\n# Title\nSome $text with `backticks` and \\ slashes.\nEOF",
  'cat <<EOF > out.txt\nplain body\nsecond line\nEOF',
  'cat <<EOF | psql app\nDROP TABLE x;\nEOF',
  "psql <<'SQL'\nselect 1;\nSQL\necho done",
  'python3 <<"PY"\nprint("hi")\nPY',
  'echo $HOME',
  'echo ${PATH}x',
  'echo "a $b c" "$HOME/x"',
  'X=$HOME/y cmd $X',
  'ls src/*.ts ?.md',
  'cd ~/projects && ls ~',
  'r\\m -rf /',
  'echo a\\ b',
  'ls # the files\npwd',
  'rm -rf $BUILD/',
  '$CMD -rf /',
];

const NOT_PLAIN = [
  'echo `date`',
  'echo $(date)',
  'echo "$(date)"',
  'echo ${x:-y}',
  'echo $1 $@',
  'echo [ab]',
  'echo {a,b}',
  '(cd x && ls)',
  'if true; then ls; fi',
  'time ls',
  'echo "a\\"b"',
  'cat <<-EOF\n\tx\nEOF',
  'cat <<EOF\n$x\nEOF',
  'cat <<EOF',
  'echo a>b',
  'cat <<< hi',
  'a |& b',
  'a |',
  'a &&',
  '; a',
  'echo "unterminated',
  'ｒｍ -rf /',
  'echo ok > out 2',
  'diff <(ls a) <(ls b)',
  // Bash reads two heredocs on one line; tree-sitter-bash does not, so neither does the fast path.
  'cat <<A && cat <<B\na body\nA\nb body\nB',
];

describe('lexPlainCommand', () => {
  it.each(PLAIN)('reads %j as tree-sitter does', (source) => {
    const fast = lexPlainCommand(source);
    expect(fast, 'the fast lexer should accept it').toBeDefined();
    expect(shape(fast as ShellScript)).toEqual(shape(bash.parse(source)));
  });

  it.each(NOT_PLAIN)('leaves %j to the full parser', (source) => {
    expect(lexPlainCommand(source)).toBeUndefined();
  });

  it('reads a 100 KB heredoc without the full parser', () => {
    const body = 'export const value = "x";\n'.repeat(4000);
    const script = lexPlainCommand(`cat > src/big.ts <<'EOF'\n${body}EOF`);
    expect(script?.commands[0]?.stdin).toEqual({ kind: 'heredoc', body, expands: false });
  });
});
