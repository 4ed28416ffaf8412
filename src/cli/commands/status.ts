/**
 * @module `tollgate status`: every requirement of a recorded change, satisfied or not, and why.
 */
import type { Command } from 'commander';
import { EXIT } from '../cli-error.js';
import { formatStatusText } from '../format/format-status-text.js';
import { printJson, printRefusal, type OutputFormat } from '../print-outcome.js';
import { useColor } from '../use-color.js';
import { catalogOption, formatOption, withGateway } from '../with-gateway.js';

const SCHEMA = 'tollgate.status/v1';

export function register(program: Command): void {
  program
    .command('status <digest>')
    .description('show every requirement of a recorded change, who approved, what is stale or missing (exit 0 allow, 1 not yet, 2 usage error)')
    .addOption(catalogOption())
    .addOption(formatOption())
    .action(async (digestOrPrefix: string, flags: { catalog?: string; format: OutputFormat }) => {
      await withGateway(flags, { schema: SCHEMA, what: 'status' }, async ({ gateway }) => {
        const answer = await gateway.status(digestOrPrefix);
        if (!answer.ok) return printRefusal(answer, flags.format, SCHEMA, 'status');
        if (flags.format === 'json') printJson(SCHEMA, answer.value);
        else process.stdout.write(formatStatusText(answer.value, useColor(process.stdout)));
        process.exitCode = answer.value.verdict === 'allow' ? EXIT.pass : EXIT.fail;
      });
    });
}
