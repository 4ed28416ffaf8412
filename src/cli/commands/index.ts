/**
 * @module Every CLI command, in the order `tollgate --help` lists them.
 */
import type { Command } from 'commander';
import { register as registerCheck } from './check.js';
import { register as registerDemo } from './demo.js';
import { register as registerDoc } from './doc.js';
import { register as registerInit } from './init.js';
import { register as registerReview } from './review.js';
import { register as registerRules } from './rules.js';

/** Each command file exports one `register(program)` that adds its subcommand. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerCheck, registerDoc, registerReview, registerInit, registerRules, registerDemo];
