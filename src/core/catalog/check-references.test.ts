import { describe, expect, it } from 'vitest';
import type { CatalogIssue } from './catalog-error.js';
import { catalogSchema } from './catalog-schema.js';
import { checkReferences, sectionsOf } from './check-references.js';

/** A catalog built from partial input, with the schema's defaults. */
const catalog = (input: Record<string, unknown>) => catalogSchema.parse({ version: 1, ...input });
const lines = (issues: CatalogIssue[]): string[] => issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const people = [{ id: 'carol', emails: ['carol@example.com'], github: 'carol' }, { id: 'dana' }, { id: 'bot', ai: true }];

describe('checkReferences', () => {
  const cases: { name: string; input: Record<string, unknown>; issues: string[] }[] = [
    { name: 'a clean catalog', input: { people, teams: { eng: ['carol'] }, systems: [{ id: 's', tier: 1, owners: ['eng', 'dana'], director: 'dana', vp: 'carol', paths: ['s/**'] }] }, issues: [] },
    {
      name: 'duplicate ids of people, systems, custom rules, freezes and environments',
      input: {
        people: [{ id: 'a' }, { id: 'a' }],
        systems: [{ id: 's', tier: 1, paths: ['x'] }, { id: 's', tier: 2, paths: ['y'] }],
        rules: { custom: [{ id: 'r', added: 'x', severity: 'low', message: 'm' }, { id: 'r', added: 'y', severity: 'low', message: 'm' }] },
        freezes: [{ id: 'f' }, { id: 'f' }],
        environments: [{ name: 'prod' }, { name: 'prod' }],
      },
      issues: [
        'people.1.id: duplicate person id `a` (first used at people[0].id)',
        'systems.1.id: duplicate system id `s` (first used at systems[0].id)',
        'rules.custom.1.id: duplicate custom rule id `r` (first used at rules.custom[0].id)',
        'freezes.1.id: duplicate freeze id `f` (first used at freezes[0].id)',
        'environments.1.name: duplicate environment name `prod` (first used at environments[0].name)',
      ],
    },
    {
      name: 'the same email or github handle on two people, ignoring case',
      input: { people: [{ id: 'a', emails: ['x@example.com'], github: 'Xy' }, { id: 'b', emails: ['X@Example.com'], github: 'xy' }] },
      issues: [
        'people.1.emails.0: duplicate email `X@Example.com` (first used at people[0].emails[0])',
        'people.1.github: duplicate github handle `xy` (first used at people[0].github)',
      ],
    },
    {
      name: 'unknown team members, owners, director, vp and guardrail owners',
      input: {
        people,
        teams: { eng: ['carol', 'carl'] },
        systems: [{ id: 's', tier: 1, owners: ['eng', 'engg', 'zed'], director: 'dan', vp: 'victor', paths: ['s/**'] }],
        guardrails: { owners: ['platform'] },
      },
      issues: [
        'teams.eng.1: unknown person `carl`; did you mean `carol`?',
        'systems.0.owners.1: unknown team or person `engg`; did you mean `eng`?',
        'systems.0.owners.2: unknown team or person `zed`',
        'systems.0.director: unknown person `dan`; did you mean `dana`?',
        'systems.0.vp: unknown person `victor`',
        'guardrails.owners.0: unknown team or person `platform`',
      ],
    },
    {
      name: 'a team id is not a person for director',
      input: { people, teams: { eng: ['carol'] }, systems: [{ id: 's', tier: 1, director: 'eng', paths: ['s/**'] }] },
      issues: ['systems.0.director: unknown person `eng`'],
    },
    {
      name: 'an ai identity as director or vp',
      input: { people, systems: [{ id: 's', tier: 1, director: 'bot', vp: 'bot', paths: ['s/**'] }] },
      issues: [
        'systems.0.director: `bot` is an ai identity (`ai: true`) and can never sign off',
        'systems.0.vp: `bot` is an ai identity (`ai: true`) and can never sign off',
      ],
    },
    {
      name: 'a person id used as a team id too',
      input: { people, teams: { carol: ['carol', 'dana'] }, systems: [{ id: 's', tier: 1, owners: ['carol'], paths: ['s/**'] }], guardrails: { owners: ['carol'] } },
      issues: [],
    },
    {
      name: 'freezes naming unknown systems',
      input: { systems: [{ id: 'checkout', tier: 1, paths: ['c/**'] }], freezes: [{ id: 'f', scope: { systems: ['checkout', 'chekout'] } }] },
      issues: ['freezes.0.scope.systems.1: unknown system `chekout`; did you mean `checkout`?'],
    },
  ];
  for (const { name, input, issues } of cases) {
    it(name, () => expect(lines(checkReferences(sectionsOf(catalog(input))))).toEqual(issues));
  }

  it('skips name resolution when some person failed validation, but still checks the valid items', () => {
    const valid = catalog({ people, teams: { eng: ['nobody'] }, systems: [{ id: 's', tier: 1, owners: ['x'], paths: ['s/**'] }] });
    const sections = { ...sectionsOf(valid), people: [...valid.people, undefined], systems: [undefined, valid.systems[0], valid.systems[0]] };
    expect(lines(checkReferences(sections))).toEqual(['systems.2.id: duplicate system id `s` (first used at systems[1].id)']);
  });

  it('skips owner checks when the teams section failed validation', () => {
    const valid = catalog({ people, systems: [{ id: 's', tier: 1, owners: ['x'], director: 'nobody', paths: ['s/**'] }] });
    expect(lines(checkReferences({ ...sectionsOf(valid), teams: undefined }))).toEqual(['systems.0.director: unknown person `nobody`']);
  });
});
