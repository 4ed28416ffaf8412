/**
 * @module Loads tree-sitter-bash (WebAssembly) and wraps it as a `ShellParser`.
 *
 * Loading costs tens of milliseconds, so a guard process loads it only when the fast lexer
 * cannot read a command. A long-running process loads it once and keeps it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { ShellParser, ShellScript } from './shell-syntax.js';
import { walkBashTree } from './walk-bash-tree.js';

export interface LoadBashParserOptions {
  /**
   * Compile the grammar with the baseline compiler only. A short-lived process wants this: V8
   * would otherwise spend hundreds of milliseconds optimising the parser in the background and
   * wait for that work before the process can exit. A long-running process should leave it off.
   */
  shortLived?: boolean;
}

/** Loads the bash grammar and returns a parser; rejects when the WebAssembly files cannot be loaded. */
export async function loadBashParser(options: LoadBashParserOptions = {}): Promise<ShellParser> {
  if (options.shortLived) setFlagsFromString('--liftoff-only');
  const require = createRequire(import.meta.url);
  const { Parser, Language } = (await import('web-tree-sitter')) as typeof import('web-tree-sitter');
  await Parser.init();
  const grammar = readFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(source: string): ShellScript {
      const tree = parser.parse(source);
      if (!tree) return { commands: [], assignments: [], problems: ['the shell parser gave no result'] };
      try {
        return walkBashTree(tree.rootNode);
      } finally {
        tree.delete();
      }
    },
  };
}
