/**
 * @module `tollgate doc`: a change documentation template prefilled from the change (systems, findings, provenance).
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { checkChange } from '../../app/check-change.js';
import { findRepoRoot } from '../../app/find-repo-root.js';
import { assembleDocTemplate } from '../../core/assemble-doc-template.js';
import { addChangeSourceOptions, changeSourceOf, type ChangeSourceFlags } from '../change-source-options.js';
import { UsageError } from '../cli-error.js';

interface DocFlags extends ChangeSourceFlags {
  output?: string;
}

export function register(program: Command): void {
  const command = program
    .command('doc')
    .description('print a documentation template for the change, with the sections its tiers require');
  addChangeSourceOptions(command, 'document', { minimal: true })
    .option('-o, --output <file>', 'write the template to a file instead of stdout (refuses to overwrite)')
    .action(async (flags: DocFlags) => {
      const repoDir = await findRepoRoot(process.cwd());
      const { evaluation, documentation } = await checkChange({
        repoDir,
        ...changeSourceOf(flags),
        review: false,
      });
      const docs = evaluation.requirements.find((requirement) => requirement.kind === 'docs');
      const template = assembleDocTemplate({
        systems: evaluation.systems,
        findings: evaluation.findings,
        provenance: evaluation.provenance,
        requiredSections: docs?.kind === 'docs' ? docs.sections : [],
        change: {
          files: evaluation.change.files,
          additions: evaluation.change.additions,
          deletions: evaluation.change.deletions,
          ...(evaluation.change.branch ? { branch: evaluation.change.branch } : {}),
        },
        existing: documentation.sections,
      });
      if (!flags.output) {
        process.stdout.write(template);
        return;
      }
      await writeFile(flags.output, template, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(error.code === 'EEXIST' ? `\`${flags.output}\` already exists` : `cannot write \`${flags.output}\`: ${error.message}`);
      });
      process.stderr.write(`wrote ${flags.output}; fill it in and pass it to \`tollgate check --doc ${flags.output}\`\n`);
    });
}
