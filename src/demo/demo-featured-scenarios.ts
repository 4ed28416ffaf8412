/**
 * @module The demo changes a newcomer meets first: waiting in queues, blocked, superseded, broken glass.
 */
import { DEMO_PLAN } from './demo-plan.js';
import { CLAUDE, code, COPILOT, P, TIER1_DOCS } from './demo-people.js';
import type { DemoScenario } from './demo-scenarios.js';

/** The changes a newcomer meets first: waiting in queues, blocked, superseded, broken glass. */
export function featuredScenarios(): DemoScenario[] {
  return [
    {
      key: 'orders-db-replace',
      hoursAgo: 20,
      spec: {
        branch: 'claude/orders-db-upgrade',
        files: [{ path: 'infra/orders/prod.plan.json', lines: DEMO_PLAN.split('\n').slice(0, 6), added: true }],
        commits: [{ subject: 'infra: upgrade the orders database instance class', author: CLAUDE, committer: P.paul, body: 'Generated with [Claude Code](https://claude.com/claude-code)' }],
        artifacts: [{ kind: 'terraform-plan', path: 'infra/orders/prod.plan.json', content: DEMO_PLAN }],
      },
      docs: [...TIER1_DOCS, 'ai-usage'],
      actions: [{ kind: 'approve', person: 'erin', after: 3 }],
    },
    {
      key: 'loyalty-discount',
      hoursAgo: 30,
      spec: {
        branch: 'claude/loyalty-discount',
        files: [{ path: 'services/checkout/pricing/loyalty.ts', lines: code('loyalty', 1, 'loyalty tier discount') }],
        commits: [{ subject: 'pricing: loyalty tier discount for returning customers', author: CLAUDE, committer: P.carol, body: 'Generated with [Claude Code](https://claude.com/claude-code)' }],
      },
      docs: [...TIER1_DOCS, 'ai-usage'],
      actions: [
        { kind: 'self-approve', person: 'carol', after: 1 },
        { kind: 'approve', person: 'erin', after: 4, comment: 'Rounding looks right; tested the 3-item cart case.' },
      ],
    },
    {
      key: 'gift-cards-v1',
      hoursAgo: 70,
      lineKey: 'branch:feat/gift-cards',
      spec: { branch: 'feat/gift-cards', files: [{ path: 'services/checkout/payment-methods/gift-cards.ts', lines: code('gift', 1, 'gift card balance') }], commits: [{ subject: 'checkout: accept gift cards', author: P.erin }] },
      docs: TIER1_DOCS,
      actions: [{ kind: 'approve', person: 'dave', after: 5, comment: 'LGTM' }],
    },
    {
      key: 'gift-cards-v2',
      hoursAgo: 44,
      lineKey: 'branch:feat/gift-cards',
      spec: {
        branch: 'feat/gift-cards',
        files: [{ path: 'services/checkout/payment-methods/gift-cards.ts', lines: [...code('gift', 1, 'gift card balance'), 'export const partialRedemption = true;'] }],
        commits: [{ subject: 'checkout: accept gift cards', author: P.erin }, { subject: 'checkout: allow partial gift card redemption', author: P.erin }],
      },
      docs: TIER1_DOCS,
      actions: [{ kind: 'approve', person: 'carol', after: 6 }],
    },
    {
      key: 'search-synonyms',
      hoursAgo: 50,
      spec: { branch: 'search/synonyms', files: [{ path: 'services/search/synonyms/load.ts', lines: code('synonyms', 1, 'load synonyms at start') }], commits: [{ subject: 'search: load synonyms at start-up instead of per query', author: P.lena }] },
      docs: ['summary', 'testing'],
      actions: [{ kind: 'reject', person: 'erin', after: 5, reason: 'Start-up time doubles on large catalogs; load lazily instead.' }],
    },
    {
      key: 'card-auth-hotfix',
      hoursAgo: 24 * 5,
      spec: {
        branch: 'hotfix/card-auth-timeout',
        files: [{ path: 'services/payments/settlement/card-auth.ts', lines: code('card-auth', 1, 'timeout 8s') }],
        commits: [{ subject: 'payments: raise card authorisation timeout during gateway incident', author: P.sam }],
      },
      docs: ['summary'],
      actions: [
        { kind: 'break-glass', person: 'sam', after: 0.2, reason: 'Card authorisations timing out for 30% of checkouts', incident: 'INC-4711' },
        { kind: 'deploy', after: 0.3 },
      ],
    },
    {
      key: 'orders-archive-column',
      hoursAgo: 24 * 9,
      spec: {
        branch: 'orders/drop-legacy-column',
        files: [{ path: 'migrations/orders/0042_drop_legacy_status.sql', lines: ['ALTER TABLE orders DROP COLUMN legacy_status;'], added: true }],
        commits: [{ subject: 'orders: drop the unused legacy_status column', author: P.erin }],
        artifacts: [{ kind: 'sql', path: 'migrations/orders/0042_drop_legacy_status.sql', content: 'ALTER TABLE orders DROP COLUMN legacy_status;\n' }],
      },
      docs: TIER1_DOCS,
      actions: [
        { kind: 'deploy', after: 1 },
        { kind: 'approve', person: 'dave', after: 6 },
        { kind: 'approve', person: 'paul', after: 9 },
        { kind: 'sign-off', person: 'dana', after: 20, comment: 'Column unused since March; backup verified.' },
        { kind: 'deploy', after: 22 },
      ],
    },
    {
      key: 'ledger-rounding',
      hoursAgo: 60,
      spec: {
        branch: 'copilot/ledger-rounding',
        files: [{ path: 'services/ledger/reports/rounding.ts', lines: code('rounding', 1, 'banker rounding') }],
        commits: [{ subject: 'ledger: use banker rounding in monthly reports', author: COPILOT, committer: P.sam }],
      },
      docs: ['summary'],
      actions: [{ kind: 'deploy', after: 10 }],
    },
  ];
}

