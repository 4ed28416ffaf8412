/**
 * @module `tollgate demo`: builds a sample repository and checks three changes of very different risk.
 */
import type { Command } from 'commander';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChange } from '../../app/check-change.js';
import { buildDemoRepo } from '../../demo/build-demo-repo.js';
import { EXIT } from '../cli-error.js';
import { formatCheckText } from '../format/format-check-text.js';
import { useColor } from '../use-color.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('build a sample repository in a temp folder and check three changes: allow, needs-approval, blocked')
    .option('--dir <dir>', 'folder to build the sample repository in (default: a new temp folder)')
    .action(async (flags: { dir?: string }) => {
      const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'tollgate-demo-'));
      const color = useColor(process.stdout);
      process.stdout.write(`Building a sample repository in ${dir} …\n\n`);
      const changes = buildDemoRepo(dir);
      const summary: string[] = [];
      let unexpected = false;
      for (const [index, demo] of changes.entries()) {
        const { evaluation } = await checkChange({
          repoDir: dir,
          base: 'main',
          head: demo.branch,
          ...(demo.docPath ? { docPath: demo.docPath } : {}),
        });
        process.stdout.write(`── ${index + 1}. ${demo.title}\n$ tollgate check --base main --head ${demo.branch}${demo.docPath ? ' --doc …' : ''}\n`);
        process.stdout.write(`${formatCheckText(evaluation, color)}\n`);
        summary.push(`  ${evaluation.verdict.padEnd(15)} ${demo.title}`);
        if (evaluation.verdict !== demo.expected) unexpected = true;
      }
      process.stdout.write(`Verdicts:\n${summary.join('\n')}\n\nTry it yourself: cd ${dir} && npx tollgate check --base main --head claude/loyalty-discount\n`);
      process.exitCode = unexpected ? EXIT.fail : EXIT.pass;
    });
}
