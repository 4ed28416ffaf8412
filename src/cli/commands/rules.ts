/**
 * @module `tollgate rules`: the built-in rule pack, one line per rule.
 */
import type { Command } from 'commander';
import { BUILTIN_RULES } from '../../rules/index.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the built-in rules (disable or tune them by id in tollgate.yaml; see docs/rules.md)')
    .option('--format <format>', 'text or json', 'text')
    .action((flags: { format: string }) => {
      if (flags.format === 'json') {
        const rules = BUILTIN_RULES.map((rule) => ({ id: rule.id, description: rule.description }));
        process.stdout.write(`${JSON.stringify({ schema: 'tollgate.rules/v1', rules }, null, 2)}\n`);
        return;
      }
      const width = Math.max(...BUILTIN_RULES.map((rule) => rule.id.length));
      for (const rule of BUILTIN_RULES) process.stdout.write(`${rule.id.padEnd(width)}  ${rule.description}\n`);
    });
}
