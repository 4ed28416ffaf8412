/**
 * @module The demo organisation of `tollgate serve --demo`: systems across tiers, teams, people, roles.
 */
import type { Role } from '../server/identity/identity-store.js';

export const DEMO_ORG_CATALOG = `version: 1
defaults: { tier: 3 }
people:
  - { id: carol, name: Carol Reyes, emails: [carol@example.com], github: carol }
  - { id: dave, name: Dave Okafor, emails: [dave@example.com], github: dave }
  - { id: erin, name: Erin Park, emails: [erin@example.com] }
  - { id: paul, name: Paul Weiss, emails: [paul@example.com] }
  - { id: priya, name: Priya Natarajan, emails: [priya@example.com] }
  - { id: sam, name: Sam Ito, emails: [sam@example.com] }
  - { id: lena, name: Lena Fischer, emails: [lena@example.com] }
  - { id: tom, name: Tom Lind, emails: [tom@example.com] }
  - { id: dana, name: Dana Brooks, emails: [dana@example.com], roles: [director] }
  - { id: omar, name: Omar Haddad, emails: [omar@example.com], roles: [director] }
  - { id: victor, name: Victor Hale, emails: [victor@example.com], roles: [vp] }
  - { id: alex, name: Alex Kim, emails: [alex@example.com], roles: [auditor] }
  - { id: claude, name: Claude Code agent, emails: [noreply@anthropic.com], ai: true }
  - { id: copilot, name: Copilot coding agent, emails: ["198982749+Copilot@users.noreply.github.com"], ai: true }
teams:
  checkout-eng: [carol, dave, erin]
  payments-eng: [priya, sam, omar]
  platform: [paul, dave]
  search-eng: [lena, erin]
  docs-team: [tom]
guardrails:
  owners: [platform]
systems:
  - id: checkout
    name: Checkout
    tier: 1
    org: retail
    owners: [checkout-eng]
    director: dana
    vp: victor
    paths: ["services/checkout/**"]
    critical: ["services/checkout/pricing/**"]
  - id: payments
    name: Payments
    tier: 1
    org: finance
    owners: [payments-eng]
    director: omar
    vp: victor
    paths: ["services/payments/**"]
    critical: ["services/payments/settlement/**"]
  - id: orders-db
    name: Orders database
    tier: 1
    org: retail
    owners: [platform]
    director: dana
    vp: victor
    paths: ["infra/orders/**", "migrations/orders/**"]
  - id: search
    name: Product search
    tier: 2
    org: retail
    owners: [search-eng]
    director: dana
    vp: victor
    paths: ["services/search/**"]
  - id: ledger-reports
    name: Ledger reports
    tier: 2
    org: finance
    owners: [payments-eng]
    director: omar
    vp: victor
    paths: ["services/ledger/**"]
  - id: docs-site
    name: Documentation site
    tier: 3
    org: retail
    owners: [docs-team]
    paths: ["docs/**"]
  - id: internal-tools
    name: Internal tools
    tier: 3
    org: finance
    owners: [platform]
    paths: ["tools/**"]
environments:
  - { name: production, production: true, names: [prod, production] }
  - { name: staging, names: [staging] }
`;

export interface DemoLoginEntry {
  person: string;
  role: Role;
  hint: string;
}

/** The people offered for one-click sign-in in demo mode, in the order the sign-in page lists them. */
export const DEMO_LOGINS: readonly DemoLoginEntry[] = [
  { person: 'dave', role: 'approver', hint: 'checkout and platform engineer: has changes waiting for his approval' },
  { person: 'dana', role: 'approver', hint: 'director of retail: signs off critical changes, reads the audit' },
  { person: 'victor', role: 'approver', hint: 'VP: reads the audit report across both orgs' },
  { person: 'alex', role: 'auditor', hint: 'auditor: reads reports and the audit log, cannot approve' },
  { person: 'carol', role: 'engineer', hint: 'engineer: records changes, cannot approve' },
];
