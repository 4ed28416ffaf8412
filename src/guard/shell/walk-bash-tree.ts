/**
 * @module Turns a tree-sitter-bash syntax tree into the guard's shell model.
 *
 * Every simple command that can run is collected: inside pipes, lists, subshells, groups,
 * control flow, function bodies, `$( )`, backticks, `<( )`/`>( )` and unquoted heredoc bodies.
 * Parse errors and missing tokens are reported as problems, never dropped.
 */
import type { Node } from 'web-tree-sitter';
import { decodeAnsiC, decodeDoubleQuoted, decodeUnquoted, makeWord } from './decode-word.js';
import type { ShellAssignment, ShellRedirect, ShellScript, ShellWord, SimpleCommand, WordPart } from './shell-syntax.js';

const STATEMENTS = new Set([
  'program', 'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement',
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'for_statement', 'c_style_for_statement',
  'case_statement', 'case_item', 'do_group', 'function_definition', 'negated_command', 'test_command',
  'declaration_command', 'unset_command', 'variable_assignment', 'variable_assignments', 'ERROR',
]);
const PLAIN_VARIABLE = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/;
const MAX_PROBLEMS = 5;
/** An array subscript holding `$(…)` or a backtick, however it is quoted or escaped (`a\[\$\(cmd\)\]`). */
const EVALUATES_SUBSCRIPTS = new Set(['test_command', 'unset_command', 'declaration_command']);
const SUBSCRIPT_CODE = /\[[^\]]*(?:\\?\$\\?\(|`)/;

/** Walks a parsed bash tree; pure for a given tree. */
export function walkBashTree(root: Node): ShellScript {
  const walker = new BashTreeWalker();
  walker.statement(root);
  if (root.hasError) walker.collectProblems(root);
  // A value holding such a subscript runs it wherever arithmetic reads it (`x='a[$(cmd)]'; [[ $x -eq 1 ]]`).
  if (walker.assignments.some(({ value }) => SUBSCRIPT_CODE.test(value.value)) && walker.problems.length < MAX_PROBLEMS) {
    walker.problems.push('a value holds `$(…)` inside a subscript, which arithmetic runs');
  }
  return { commands: walker.commands, assignments: walker.assignments, problems: walker.problems };
}

class BashTreeWalker {
  readonly commands: SimpleCommand[] = [];
  readonly assignments: ShellAssignment[] = [];
  readonly problems: string[] = [];
  /** The scopes (see `SimpleCommand.scope`) the walk is inside, and how many were opened. */
  private scope: number[] = [];
  private scopes = 0;

  private inScope<T>(visit: () => T): T {
    this.scope.push(++this.scopes);
    try {
      return visit();
    } finally {
      this.scope.pop();
    }
  }

  private stamp(command: SimpleCommand): SimpleCommand {
    if (this.scope.length > 0) command.scope = [...this.scope];
    this.commands.push(command);
    return command;
  }

  /** Visits a statement and returns the commands it runs directly (not those inside substitutions). */
  statement(node: Node): SimpleCommand[] {
    // `[[ -v 'a[$(cmd)]' ]]`, `unset 'a[$(cmd)]'`, `declare 'a[$(cmd)]=1'` evaluate the subscript,
    // and `$(cmd)` in it runs, quoted or escaped.
    if (EVALUATES_SUBSCRIPTS.has(node.type) && SUBSCRIPT_CODE.test(node.text.replace(/^\[\[|\]\]$/g, '')) && this.problems.length < MAX_PROBLEMS) {
      this.problems.push(`\`${node.text.slice(0, 40)}\` evaluates \`$(…)\` inside a subscript`);
    }
    switch (node.type) {
      case 'command':
        return [this.command(node)];
      case 'redirected_statement':
        return this.redirectedStatement(node);
      case 'pipeline':
        return this.pipeline(node.namedChildren, []);
      case 'variable_assignment':
        this.assignments.push(this.assignment(node));
        return [];
      case 'declaration_command':
        for (const child of node.namedChildren) {
          if (child.type === 'variable_assignment') this.assignments.push(this.assignment(child));
          else this.word(child);
        }
        return [];
      case 'function_definition': {
        const body = node.childForFieldName('body');
        if (body) this.inScope(() => this.statement(body));
        return [];
      }
      case 'subshell':
        return this.inScope(() => this.children(node));
      case 'comment':
        return [];
      default:
        return this.children(node);
    }
  }

  private children(node: Node): SimpleCommand[] {
    const direct: SimpleCommand[] = [];
    for (const child of node.namedChildren) {
      if (STATEMENTS.has(child.type)) direct.push(...this.statement(child));
      else this.substitutions(child);
    }
    return direct;
  }

  collectProblems(root: Node): void {
    const cursor = root.walk();
    let descend = true;
    for (;;) {
      if (descend) {
        const node = cursor.currentNode;
        if (node.isMissing) this.problem(`missing \`${node.type}\` near \`${snippet(node.parent ?? node)}\``);
        else if (node.type === 'ERROR') this.problem(`cannot parse the shell text near \`${snippet(node)}\``);
        if (node.hasError && cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
    cursor.delete();
    if (this.problems.length === 0) this.problem('the shell text does not parse');
  }

  private problem(message: string): void {
    if (this.problems.length < MAX_PROBLEMS && !this.problems.includes(message)) this.problems.push(message);
  }

  private command(node: Node): SimpleCommand {
    const command: SimpleCommand = { words: [], assignments: [], redirects: [], text: node.text };
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i) as Node;
      const field = node.fieldNameForChild(i);
      if (child.type === 'variable_assignment') command.assignments.push(this.assignment(child));
      else if (field === 'name' || field === 'argument') command.words.push(this.word(child));
      else if (field === 'redirect') this.applyRedirect(child, [command]);
      else if (child.isNamed) this.substitutions(child);
    }
    return this.stamp(command);
  }

  private bare(node: Node): SimpleCommand {
    return this.stamp({ words: [], assignments: [], redirects: [], text: node.text });
  }

  private assignment(node: Node): ShellAssignment {
    const name = node.childForFieldName('name')?.text ?? '';
    const value = node.childForFieldName('value');
    return { name, value: value ? this.word(value) : makeWord([]) };
  }

  private redirectedStatement(node: Node): SimpleCommand[] {
    const body = node.childForFieldName('body');
    // A redirect alone (`> file`) still truncates or creates its target: keep it as a wordless command.
    const direct = body ? this.statement(body) : [this.bare(node)];
    // Bash applies a redirect after a pipeline or list to its last command only (tree-sitter
    // hangs it on the whole pipeline); a group `{ …; } > f` redirects every command in it.
    const owners = body && (body.type === 'pipeline' || body.type === 'list') ? direct.slice(-1) : direct;
    const extra: SimpleCommand[] = [];
    for (let i = 0; i < node.childCount; i++) {
      if (node.fieldNameForChild(i) !== 'redirect' && node.child(i)?.type !== 'herestring_redirect') continue;
      const redirect = node.child(i) as Node;
      if (redirect.type === 'heredoc_redirect') extra.push(...this.heredoc(redirect, owners));
      else this.applyRedirect(redirect, owners);
    }
    return [...direct, ...extra];
  }

  private applyRedirect(node: Node, targets: SimpleCommand[]): void {
    if (node.type === 'herestring_redirect') {
      const wordNode = node.namedChildren.find((child) => child.type !== 'file_descriptor');
      const word = wordNode ? this.word(wordNode) : makeWord([]);
      for (const target of targets) target.stdin = { kind: 'herestring', word };
      return;
    }
    if (node.type === 'heredoc_redirect') {
      this.heredoc(node, targets);
      return;
    }
    if (node.type !== 'file_redirect') {
      this.substitutions(node);
      return;
    }
    const descriptor = node.childForFieldName('descriptor');
    const [destination, ...trailing] = node.childrenForFieldName('destination');
    const operator = node.children.find((child) => !child.isNamed)?.type ?? '>';
    const redirect: ShellRedirect = {
      operator,
      ...(descriptor ? { descriptor: Number(descriptor.text) } : {}),
      target: destination ? this.word(destination) : makeWord([]),
    };
    for (const target of targets) target.redirects.push(redirect);
    // Tree-sitter reads `rm > /dev/null -rf /` as one redirect with three destinations; for bash
    // the words after the first are arguments of the command.
    const owner = targets[targets.length - 1];
    for (const word of trailing) owner?.words.push(this.word(word));
  }

  /** A heredoc feeds the commands it is attached to; tree-sitter hangs the rest of the pipeline or list off it. */
  private heredoc(node: Node, targets: SimpleCommand[]): SimpleCommand[] {
    const start = node.children.find((child) => child.type === 'heredoc_start');
    const expands = !/['"\\]/.test(start?.text ?? '');
    const extra: SimpleCommand[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i) as Node;
      const field = node.fieldNameForChild(i);
      if (child.type === 'heredoc_body') {
        if (expands) this.substitutions(child);
        for (const target of targets) target.stdin = { kind: 'heredoc', body: child.text, expands };
      } else if (field === 'redirect') {
        this.applyRedirect(child, targets);
      } else if (field === 'argument') {
        const last = targets[targets.length - 1];
        const word = this.word(child);
        if (last) last.words.push(word);
      } else if (child.type === 'pipeline') {
        extra.push(...this.pipeline(child.namedChildren, targets));
      } else if (field === 'right') {
        extra.push(...this.statement(child));
      }
    }
    return extra;
  }

  private pipeline(stages: Node[], upstream: SimpleCommand[]): SimpleCommand[] {
    let previous = upstream;
    const direct: SimpleCommand[] = [];
    for (const stage of stages) {
      const commands = STATEMENTS.has(stage.type) ? this.statement(stage) : (this.substitutions(stage), []);
      if (previous.length > 0) {
        for (const command of commands) command.stdin ??= { kind: 'pipe', from: previous };
      }
      direct.push(...commands);
      previous = commands;
    }
    return direct;
  }

  /** Finds commands that run inside a word or expression: `$( )`, backticks, `<( )`, `>( )`. */
  private substitutions(node: Node): void {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.inScope(() => {
        for (const child of node.namedChildren) {
          if (STATEMENTS.has(child.type)) this.statement(child);
          else this.substitutions(child);
        }
      });
      return;
    }
    if (node.childCount === 0) return;
    for (const child of node.namedChildren) this.substitutions(child);
  }

  private word(node: Node): ShellWord {
    return makeWord(this.parts(node));
  }

  private parts(node: Node): WordPart[] {
    switch (node.type) {
      case 'word':
        return decodeUnquoted(node.text);
      case 'raw_string':
        return [{ kind: 'text', text: node.text.slice(1, -1), quoted: true }];
      case 'ansi_c_string':
        return [{ kind: 'text', text: decodeAnsiC(node.text.slice(2, -1)), quoted: true }];
      case 'string':
        return this.doubleQuoted(node);
      case 'translated_string':
      case 'concatenation':
      case 'command_name':
        return node.namedChildren.flatMap((child) => this.parts(child));
      case 'simple_expansion':
      case 'expansion':
        if (PLAIN_VARIABLE.test(node.text)) return [{ kind: 'variable', name: node.text.replace(/^\$\{?|\}$/g, '') }];
        this.substitutions(node);
        return [{ kind: 'dynamic', source: node.text }];
      case 'command_substitution':
      case 'process_substitution':
      case 'arithmetic_expansion':
        this.substitutions(node);
        return [{ kind: 'dynamic', source: node.text }];
      default:
        if (node.namedChildCount > 0) {
          this.substitutions(node);
          if (node.descendantsOfType(['simple_expansion', 'expansion', 'command_substitution']).length > 0) {
            return [{ kind: 'dynamic', source: node.text }];
          }
        }
        return [{ kind: 'text', text: node.text, quoted: false }];
    }
  }

  /**
   * Tree-sitter leaves some characters of a double-quoted string outside every child node (blank
   * lines, for one), so the text between children is taken from the source, never dropped.
   */
  private doubleQuoted(node: Node): WordPart[] {
    const source = node.text;
    const base = node.startIndex;
    const parts: WordPart[] = [{ kind: 'text', text: '', quoted: true }];
    const gap = (from: number, to: number): void => {
      if (to > from) parts.push({ kind: 'text', text: decodeDoubleQuoted(source.slice(from - base, to - base)), quoted: true });
    };
    let position = base + 1;
    for (const child of node.namedChildren) {
      gap(position, child.startIndex);
      if (child.type === 'string_content') parts.push({ kind: 'text', text: decodeDoubleQuoted(child.text), quoted: true });
      else parts.push(...this.parts(child));
      position = Math.max(position, child.endIndex);
    }
    gap(position, base + source.length - (source.length > 1 && source.endsWith('"') ? 1 : 0));
    return parts;
  }
}

function snippet(node: Node): string {
  const text = node.text.replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
