/**
 * @module The text of a starter `tollgate.yaml`: the proposed systems, people and teams, with
 * comments that explain what to change.
 */
import type { StarterCatalog } from './assemble-starter-catalog.js';

type StarterData = Omit<StarterCatalog, 'text'>;

/** Renders `starter` as commented YAML; `schemaHint` is the JSON Schema's path for editors. */
export function renderStarterCatalog(starter: StarterData, schemaHint: string): string {
  const source = starter.codeownersPath ? `the folders of this repository and ${starter.codeownersPath}` : 'the folders of this repository';
  const out: string[] = [
    `# yaml-language-server: $schema=${schemaHint}`,
    '# Tollgate catalog: the systems in this repository, who owns them, and how much friction a',
    '# change to each needs before it may ship. Reference: docs/catalog.md in the tollgate package.',
    '#',
    `# Written by \`tollgate init\` from ${source}.`,
    '# Review it, raise the tier of the systems that matter, and commit it. `tollgate check` reads',
    '# the catalog from the base revision of a change, so edits apply once they are merged.',
    'version: 1',
    '',
    'defaults:',
    '  tier: 3   # tier of files that no system claims',
    '',
    '# Every system starts at tier 3. RAISE THE TIERS of the systems that matter:',
    '#   tier 1  critical (revenue, safety, data): 2 approvals by non-authors (>= 1 owner),',
    '#           docs: summary, risk, rollback, testing; critical findings need the director',
    '#   tier 2  important: 1 owner approval, docs: summary, testing',
    '#   tier 3  everything else: no approval (1 if the change is AI-authored)',
    '# A path claimed by several systems belongs to all of them; the strictest tier wins.',
  ];
  if (starter.systems.length === 0) {
    out.push('systems: []   # e.g. { id: checkout, tier: 1, owners: [checkout-eng], paths: ["services/checkout/**"] }');
  } else {
    out.push('systems:');
    starter.systems.forEach((system, i) => {
      out.push(`  - id: ${scalar(system.id)}`, `    name: ${scalar(system.folder)}`, '    tier: 3');
      out.push(system.owners.length > 0 ? `    owners: ${flowList(system.owners.map(scalar))}` : '    owners: []   # team or person ids');
      out.push(`    paths: ${flowList(system.paths.map(quoted))}`);
      if (i === 0) {
        out.push(
          `    # critical: ["${system.folder}/payments/**"]   # paths whose changes are critical`,
          '    # director: dana   # person id who signs off critical findings',
          '    # vp: victor',
        );
      }
    });
  }

  out.push('', '# People: humans and AI identities, recognised by commit email or GitHub handle.');
  out.push(starter.people.length === 0 ? 'people: []' : 'people:');
  for (const person of starter.people) {
    if (person.email !== undefined) out.push(`  - { id: ${scalar(person.id)}, emails: [${quoted(person.email)}] }`);
    else out.push(`  - { id: ${scalar(person.id)}, github: ${scalar(person.github ?? person.id)}, emails: [] }   # add commit emails`);
  }
  out.push('  # An AI identity: its changes are AI-authored and it can never approve, e.g.', '  # - { id: claude, emails: [noreply@anthropic.com], ai: true }');

  out.push('', '# Teams: team id -> member person ids. A team without members cannot give owner approvals.');
  out.push(starter.teams.length === 0 ? 'teams: {}' : 'teams:');
  for (const team of starter.teams) out.push(`  ${scalar(team.id)}: []   # members of ${team.handle}: add their person ids`);

  out.push(
    '',
    '# Who must approve changes to CI config, CODEOWNERS, branch rules and this file.',
    'guardrails:',
    `  owners: ${flowList(starter.guardrailOwners.map(scalar))}`,
    '',
    '# The friction policy: uncomment to override the per-tier defaults shown here.',
    '# policy:',
    '#   tiers:',
    '#     1: { approvals: 2, ownerApprovals: 1, docs: [summary, risk, rollback, testing], high: owner-approval, critical: director-sign-off }',
    '#     2: { approvals: 1, ownerApprovals: 1, docs: [summary, testing], high: owner-approval, critical: director-sign-off }',
    '#     3: { approvals: 0, aiAuthoredApprovals: 1, high: approval, critical: owner-approval }',
    '#   # Roll out gently: `enforcement: evaluate` in a tier reports requirements without failing the gate.',
    '',
    '# Built-in rules to turn off, and your own rules (a linear-time regex on added lines).',
    '# rules:',
    '#   disable: []',
    '#   custom:',
    '#     - { id: no-sleep, paths: ["services/**"], added: "Thread\\\\.sleep", severity: high, message: "do not sleep in request paths" }',
    '',
  );
  return out.join('\n');
}

/** A plain YAML scalar when it cannot be misread as another type, else a quoted one. */
function scalar(text: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9._/-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : quoted(text);
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A flow list of already rendered scalars. */
function flowList(rendered: readonly string[]): string {
  return `[${rendered.join(', ')}]`;
}
