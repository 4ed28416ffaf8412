/**
 * @module About forty routine demo changes over ten weeks, drawn from a few families with a seeded generator.
 */
import { CLAUDE, code, COPILOT, P, TIER1_DOCS } from './demo-people.js';
import type { DemoScenario } from './demo-scenarios.js';

/** Mulberry32: a small, seedable generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Family {
  weight: number;
  make(index: number, pick: <T>(items: readonly T[]) => T): Omit<DemoScenario, 'key' | 'hoursAgo'>;
}

/** The families of routine change, weighted by how often each occurs. */
const FAMILIES: Family[] = [
  {
    weight: 4,
    make: (i, pick) => {
      const author = pick([P.tom, P.lena, P.paul]);
      const page = pick(['getting-started', 'checkout-api', 'runbooks/payments', 'faq']);
      return {
        spec: { branch: `docs/${page}-${i}`, files: [{ path: `docs/${page}.md`, lines: [`Clarified step ${i} of ${page}.`] }], commits: [{ subject: `docs: clarify ${page} (step ${i})`, author }] },
        docs: [],
        actions: [{ kind: 'deploy', after: 2 }],
      };
    },
  },
  {
    weight: 5,
    make: (i, pick) => {
      const [author, first, second] = pick([
        [P.carol, 'dave', 'erin'],
        [P.erin, 'carol', 'dave'],
        [P.dave, 'erin', 'carol'],
      ] as const);
      const area = pick(['cart', 'shipping', 'address-form', 'order-summary']);
      return {
        spec: { branch: `feat/${area}-${i}`, files: [{ path: `services/checkout/${area}/handler.ts`, lines: code(area, i, `${area} tweak`) }], commits: [{ subject: `checkout: improve ${area} handling (#${1200 + i})`, author }] },
        docs: TIER1_DOCS,
        actions: [
          { kind: 'approve', person: first, after: 2 + (i % 5) },
          { kind: 'approve', person: second, after: 5 + (i % 9) },
          { kind: 'deploy', after: 12 + (i % 6) },
        ],
      };
    },
  },
  {
    weight: 4,
    make: (i, pick) => {
      const operator = pick([P.carol, P.erin]);
      const others = operator === P.carol ? ['dave', 'erin'] : ['dave', 'carol'];
      return {
        spec: {
          branch: `claude/pricing-${i}`,
          files: [{ path: `services/checkout/pricing/rules-${i % 3}.ts`, lines: code('pricing', i, 'discount rounding') }],
          commits: [{ subject: `pricing: round bundle discounts per line item (${i})`, author: CLAUDE, committer: operator, body: 'Generated with [Claude Code](https://claude.com/claude-code)' }],
        },
        docs: [...TIER1_DOCS, 'ai-usage'],
        actions: [
          { kind: 'approve', person: others[0]!, after: 3 + (i % 7) },
          { kind: 'approve', person: others[1]!, after: 8 + (i % 11) },
          { kind: 'deploy', after: 26 },
        ],
      };
    },
  },
  {
    weight: 4,
    make: (i, pick) => {
      const [author, first] = pick([
        [P.priya, 'sam'],
        [P.sam, 'priya'],
      ] as const);
      return {
        spec: {
          branch: `payments/retry-${i}`,
          files: [{ path: `services/payments/gateway/retry-${i % 4}.ts`, lines: code('payments', i, 'retry backoff') }],
          commits: [{ subject: `payments: tune gateway retry backoff (${i})`, author, trailers: [['Co-authored-by', 'Claude <noreply@anthropic.com>']] }],
        },
        docs: [...TIER1_DOCS, 'ai-usage'],
        actions: [
          { kind: 'approve', person: first, after: 4 + (i % 6) },
          { kind: 'approve', person: 'omar', after: 20 + (i % 30) },
          { kind: 'deploy', after: 52 },
        ],
      };
    },
  },
  {
    weight: 3,
    make: (i, pick) => {
      const [author, approver] = pick([
        [P.lena, 'erin'],
        [P.erin, 'lena'],
      ] as const);
      return {
        spec: { branch: `search/boost-${i}`, files: [{ path: `services/search/ranking/boost-${i % 3}.ts`, lines: code('search', i, 'boost weights') }], commits: [{ subject: `search: adjust ranking boosts (${i})`, author }] },
        docs: ['summary', 'testing'],
        actions: [
          { kind: 'approve', person: approver, after: 1 + (i % 4) },
          { kind: 'deploy', after: 6 },
        ],
      };
    },
  },
  {
    weight: 2,
    make: (i) => ({
      spec: {
        branch: `copilot/ledger-export-${i}`,
        files: [{ path: `services/ledger/export/csv-${i % 2}.ts`, lines: code('ledger', i, 'export columns') }],
        commits: [{ subject: `ledger: add settlement columns to the export (${i})`, author: COPILOT, committer: P.sam }],
      },
      docs: ['summary', 'testing'],
      actions: [
        { kind: 'approve', person: 'priya', after: 30 + (i % 20) },
        { kind: 'deploy', after: 60 },
      ],
    }),
  },
  {
    weight: 2,
    make: (i) => ({
      spec: { branch: `tools/lint-${i}`, files: [{ path: `tools/scripts/lint-${i % 3}.sh`, lines: [`echo "lint pass ${i}"`] }], commits: [{ subject: `tools: speed up lint script (${i})`, author: P.paul }] },
      docs: [],
      actions: [{ kind: 'deploy', after: 1 }],
    }),
  },
];

/** About forty routine changes spread over ten weeks, most approved and deployed. */
export function routineScenarios(): DemoScenario[] {
  const random = generator(20_260_301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const total = FAMILIES.reduce((sum, family) => sum + family.weight, 0);
  const scenarios: DemoScenario[] = [];
  for (let index = 0; index < 40; index += 1) {
    let roll = random() * total;
    const family = FAMILIES.find((f) => (roll -= f.weight) < 0) ?? FAMILIES[0]!;
    // Older first; the newest routine change is four days old so all of its steps are in the past.
    const hoursAgo = Math.round(24 * 70 - index * 40 - random() * 20);
    scenarios.push({ key: `routine-${index}`, hoursAgo, ...family.make(index, pick) });
  }
  return scenarios;
}

