/**
 * @module Every CLI command, in the order `tollgate --help` lists them, each loaded only when run.
 *
 * Start-up matters (agents and hooks call `tollgate` constantly): a command's module, and
 * everything it imports, is only loaded when that command runs or when help lists them all.
 */
import type { Command } from 'commander';

/** Each command file exports one `register(program)` that adds its subcommand. */
export type RegisterCommand = (program: Command) => void;

export interface CommandEntry {
  name: string;
  load: () => Promise<{ register: RegisterCommand }>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'check', load: () => import('./check.js') },
  { name: 'doc', load: () => import('./doc.js') },
  { name: 'review', load: () => import('./review.js') },
  { name: 'approve', load: () => import('./approve.js') },
  { name: 'reject', load: () => import('./reject.js') },
  { name: 'status', load: () => import('./status.js') },
  { name: 'verify', load: () => import('./verify.js') },
  { name: 'break-glass', load: () => import('./break-glass.js') },
  { name: 'audit', load: () => import('./audit.js') },
  { name: 'keys', load: () => import('./keys.js') },
  { name: 'attest', load: () => import('./attest.js') },
  { name: 'serve', load: () => import('./serve.js') },
  { name: 'token', load: () => import('./token.js') },
  { name: 'init', load: () => import('./init.js') },
  { name: 'rules', load: () => import('./rules.js') },
  { name: 'demo', load: () => import('./demo.js') },
];
