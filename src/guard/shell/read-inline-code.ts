/**
 * @module Looks into inline programs (`python -c`, `node -e`, `perl -e`, heredocs fed to them) for
 * what they hand to a shell or delete.
 *
 * No attempt is made to understand the language. When the code calls a process or deletion API,
 * the string literals it passes are read as shell commands or paths; when it passes anything else
 * (a variable, a computed string), the guard cannot tell what runs.
 */

export interface InlineCodeReading {
  /** Literal strings (and joined literal argument lists) that may reach a shell. */
  shellTexts: string[];
  /** Literal paths handed to recursive deletion APIs (`shutil.rmtree`, `fs.rmSync`, …). */
  removedPaths: string[];
  /** Set when the code runs something the guard cannot read. */
  uncertain?: string;
}

const PROCESS_CALL = new RegExp(
  [
    String.raw`\b(?:os\s*\.\s*(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)|subprocess\s*\.\s*[A-Za-z_]+|commands\s*\.\s*getoutput|pty\s*\.\s*spawn)`,
    String.raw`\b(?:execSync|execFileSync|execFile|spawnSync|spawn|Bun\s*\.\s*spawn(?:Sync)?|Deno\s*\.\s*(?:run|Command)|IO\s*\.\s*popen|Open3\s*\.\s*[A-Za-z0-9_]+|Kernel\s*\.\s*(?:exec|system|spawn))`,
    String.raw`(?<![.\w$])(?:exec|system|popen|shell_exec|passthru|proc_open)`,
    String.raw`\bdo\s+shell\s+script`,
    String.raw`\b(?:system2|shell)\b|\bos\s*\.\s*execute|\bio\s*\.\s*popen`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(String.raw`)\s*(\(|(?=['"\x60\[]))`),
  'g',
);
/**
 * Code that reaches a process API under another name (`import subprocess as sp`, `from os import
 * system`, `__import__('os').system`, `require('child_process').exec`, Perl's `system LIST`): when
 * it names one anywhere, every literal in it is read as shell text, as for a recognised call.
 */
const PROCESS_MENTION = /\b(?:subprocess|child_process|popen|getoutput|shell_exec|passthru|proc_open|Open3|pty|system|spawn(?:Sync|[lv]p?e?)?|exec(?:Sync|File|FileSync|[lv]p?e?)?)\b|\bqx\s*[({[]|%x\s*[({[]/;
/** Perl's pipe open: `open(F, "cmd |")` runs `cmd`. */
const PIPE_OPEN = /\bopen\s*\([^)]*\|/;
/** Deletion APIs named anywhere (`from shutil import rmtree as r`): path-like literals count as removed. */
const REMOVE_MENTION = /\b(?:rmtree|rimraf|rm_rf|rm_r|remove_dir|remove_entry|removedirs|rmSync|rmdirSync)\b/;
const PATH_LIKE = /^(?:[/~]|\.{1,2}(?:\/|$)|\$HOME\b)/;
const REMOVE_CALL =
  /(?:\b(?:shutil\s*\.\s*rmtree|rmtree|rimraf(?:\s*\.\s*sync)?|FileUtils\s*\.\s*(?:rm_rf|rm_r|remove_dir|remove_entry)|File\s*\.\s*delete|os\s*\.\s*removedirs)|\.\s*(?:rmSync|rmdirSync|rm))\s*\(/g;
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`/g;
const BACKTICK_SHELL = /`([^`$]*)`|\bqx\s*\{([^}]*)\}|\bqx\s*\(([^)]*)\)|%x\(([^)]*)\)|%x\{([^}]*)\}|%x\[([^\]]*)\]/g;

/** Reads an inline program; pure. */
export function readInlineCode(code: string): InlineCodeReading {
  const reading: InlineCodeReading = { shellTexts: [], removedPaths: [] };
  let processCalls = 0;
  for (const match of code.matchAll(PROCESS_CALL)) {
    processCalls += 1;
    const after = code.slice((match.index ?? 0) + match[0].length).trimStart();
    if (!startsWithLiteralArguments(after)) {
      reading.uncertain = `inline code passes a computed value to \`${match[0].replace(/\s*\($/, '').trim()}\``;
    }
  }
  for (const match of code.matchAll(REMOVE_CALL)) {
    const after = code.slice((match.index ?? 0) + match[0].length).trimStart();
    const literal = /^(['"])((?:(?!\1)[^\\]|\\.)*)\1/.exec(after);
    if (literal) reading.removedPaths.push(unescape(literal[2] ?? ''));
    else reading.uncertain = `inline code deletes a computed path with \`${match[0].replace(/\s*\($/, '').trim()}\``;
  }
  // Perl and Ruby backticks, qx{}, qx() and %x() / %x{} / %x[] run their text in a shell.
  if (/`|\bqx\s*[{(]|%x\s*[({[]/.test(code)) {
    for (const match of code.matchAll(BACKTICK_SHELL)) {
      const text = match.slice(1).find((group) => group !== undefined);
      if (text !== undefined) reading.shellTexts.push(text);
    }
  }
  const literals = [...code.matchAll(LITERAL)].map((match) => unescape(match[0].slice(1, -1)));
  // API names count outside string literals only (`print('file system check')` mentions none).
  const outsideLiterals = code.replace(LITERAL, '""');
  if (REMOVE_MENTION.test(outsideLiterals) && reading.removedPaths.length === 0) reading.removedPaths.push(...literals.filter((text) => PATH_LIKE.test(text)));
  if (processCalls === 0 && !PROCESS_MENTION.test(outsideLiterals) && !PIPE_OPEN.test(code)) return reading;
  // A Perl pipe open (`open(F, "cmd |")`) runs the text before or after the bar.
  reading.shellTexts.push(...literals, ...literals.filter((text) => /^\s*\||\|\s*$/.test(text)).map((text) => text.replace(/^\s*\||\|\s*$/g, '')));
  // R's `system2("rm", c("-rf", "/"))` splits the program from its arguments: all literals in order, as one command.
  if (literals.length > 1) reading.shellTexts.push(literals.map(quoteForShell).join(' '));
  // Comma-separated literals spell argv: `subprocess.run(['rm', '-rf', '/'])`, Perl's `system "rm", "-rf", "/"`.
  for (const run of code.matchAll(/(?:(['"])(?:(?!\1)[^\\\n]|\\.)*\1\s*,\s*)+(['"])(?:(?!\2)[^\\\n]|\\.)*\2/g)) {
    const items = [...run[0].matchAll(LITERAL)].map((match) => quoteForShell(unescape(match[0].slice(1, -1))));
    reading.shellTexts.push(items.join(' '));
  }
  // `spawn('rm', ['-rf', '/'])` passes the program apart from its argument list.
  for (const pair of code.matchAll(/\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1\s*,\s*\[([^\]]*)\]/g)) {
    const items = [...(pair[3] ?? '').matchAll(LITERAL)].map((match) => quoteForShell(unescape(match[0].slice(1, -1))));
    reading.shellTexts.push([quoteForShell(unescape(pair[2] ?? '')), ...items].join(' '));
  }
  return reading;
}

const LITERAL_ARGUMENT = /^(['"`])((?:(?!\1)[^\\]|\\.)*)\1\s*(?:[),;]|$)/;
const LITERAL_LIST = /^\[\s*(?:(['"])(?:(?!\1)[^\\]|\\.)*\1\s*,?\s*)*\]\s*(?:[),;]|$)/;

/** True when the call's first argument is a plain string literal or a list of them, not built from values. */
function startsWithLiteralArguments(after: string): boolean {
  const single = LITERAL_ARGUMENT.exec(after);
  if (single) return !(single[1] === '`' && (single[2] ?? '').includes('${'));
  return LITERAL_LIST.test(after);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, char: string) => ({ n: '\n', t: '\t' })[char] ?? char);
}

function quoteForShell(text: string): string {
  return /^[A-Za-z0-9_\-./=:,@%+]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
