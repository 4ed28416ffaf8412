/**
 * @module The options that say which change to read, shared by `check`, `review` and `doc`.
 */
import type { Command } from 'commander';
import type { CheckOptions } from '../app/check-change.js';

/** The flags these options produce, as commander parses them. */
export interface ChangeSourceFlags {
  base?: string;
  head?: string;
  staged?: boolean;
  worktree?: boolean;
  patch?: string;
  catalog?: string;
  doc?: string;
  plan?: string[];
}

/** Adds `--base`, `--head`, `--staged`, `--worktree`, `--catalog`, and unless `minimal`, `--patch`, `--doc`, `--plan`. */
export function addChangeSourceOptions(command: Command, verb: string, options: { minimal?: boolean } = {}): Command {
  command
    .option('--base <rev>', 'base revision (default: merge-base with the default branch)')
    .option('--head <rev>', 'head revision (default: HEAD)')
    .option('--staged', `${verb} the staged changes against HEAD`)
    .option('--worktree', `${verb} all uncommitted changes against HEAD`);
  if (!options.minimal) command.option('--patch <file>', `${verb} a unified diff or format-patch file (\`-\` for stdin)`);
  command.option('--catalog <file>', 'catalog to use instead of tollgate.yaml at the base revision');
  if (!options.minimal) {
    command
      .option('--doc <file>', 'change documentation (markdown sections: Summary, Risk, Rollback, Testing, AI usage)')
      .option('--plan <file>', 'a Terraform plan JSON (`terraform show -json`) to check; repeatable', (value: string, previous: string[]) => [...previous, value], []);
  }
  return command;
}

/** The part of `checkChange`'s options these flags decide. */
export function changeSourceOf(flags: ChangeSourceFlags): Omit<CheckOptions, 'repoDir'> {
  return {
    ...(flags.base ? { base: flags.base } : {}),
    ...(flags.head ? { head: flags.head } : {}),
    ...(flags.staged ? { staged: true } : {}),
    ...(flags.worktree ? { worktree: true } : {}),
    ...(flags.patch ? { patch: flags.patch } : {}),
    ...(flags.catalog ? { catalogPath: flags.catalog } : {}),
    ...(flags.doc ? { docPath: flags.doc } : {}),
    ...(flags.plan && flags.plan.length > 0 ? { planPaths: flags.plan } : {}),
  };
}
