/**
 * @module The shell syntax the guard reasons about: simple commands with decoded words, redirects and stdin.
 *
 * Both readers (the tree-sitter walker and the fast lexer for plain commands) produce this shape, so
 * every rule sees one model whatever parsed the text.
 */

/** A piece of a word: literal text (quoted or not), a plain `$NAME`, or something only known at run time. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'dynamic'; source: string };

/** One shell word after quote removal and escape decoding (NFKC-normalised, zero-width characters removed). */
export interface ShellWord {
  parts: WordPart[];
  /** The literal value; variables render as `$NAME` and run-time parts as U+FFFD. */
  value: string;
  /** The value with run-time parts shown as written (`$(pwd)`), for messages. */
  display: string;
  /** True when every part is literal text. */
  literal: boolean;
  /** True when unquoted glob or brace characters make the shell expand it into other words. */
  expands: boolean;
}

export interface ShellAssignment {
  name: string;
  value: ShellWord;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `&>`, `&>>`, `>&`, `<&`, `>|`, `<>`. */
  operator: string;
  descriptor?: number;
  target: ShellWord;
}

/** Where a command's standard input comes from, when the script says so. */
export type StdinSource =
  | { kind: 'heredoc'; body: string; expands: boolean }
  | { kind: 'herestring'; word: ShellWord }
  | { kind: 'pipe'; from: SimpleCommand[] };

export interface SimpleCommand {
  /** The command name followed by its arguments; empty for a bare assignment. */
  words: ShellWord[];
  /** `NAME=value` prefixes that apply to this command only. */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  stdin?: StdinSource;
  /** The command's source text, for messages. */
  text: string;
  /**
   * The subshells, function bodies and substitutions it runs inside, outermost first (ids unique in
   * the script); absent at the top level. A `cd` moves only later commands of the same scope.
   */
  scope?: readonly number[];
}

/** Everything a script runs, in source order, including commands inside substitutions and functions. */
export interface ShellScript {
  commands: SimpleCommand[];
  /** Assignments that stand alone or are exported; they change the environment of later commands. */
  assignments: ShellAssignment[];
  /** Parse errors and missing tokens: when not empty the guard cannot tell what runs. */
  problems: string[];
}

/** Parses shell text; pure for a given input. Implementations may refuse text they cannot read. */
export interface ShellParser {
  parse(source: string): ShellScript;
}

/** Stands in for the value of a run-time part of a word. */
export const DYNAMIC = '\uFFFD';
