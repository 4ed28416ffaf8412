/**
 * @module The sample organisation the demo repository ships with.
 */

export const DEMO_CATALOG = `# yaml-language-server: $schema=https://tollgate.dev/schema/tollgate.schema.json
version: 1
defaults: { tier: 3 }
people:
  - { id: carol, name: Carol Reyes, emails: [carol@example.com], github: carol }
  - { id: dave, name: Dave Okafor, emails: [dave@example.com], github: dave }
  - { id: erin, name: Erin Park, emails: [erin@example.com] }
  - { id: paul, name: Paul Weiss, emails: [paul@example.com] }
  - { id: tom, name: Tom Lind, emails: [tom@example.com] }
  - { id: dana, name: Dana Brooks, emails: [dana@example.com], roles: [director] }
  - { id: victor, name: Victor Hale, emails: [victor@example.com], roles: [vp] }
  - { id: claude, emails: [noreply@anthropic.com], ai: true }
teams:
  checkout-eng: [carol, dave, erin]
  platform: [paul, dave]
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
  - id: orders-db
    name: Orders database
    tier: 1
    org: retail
    owners: [platform]
    director: dana
    vp: victor
    paths: ["infra/**"]
  - id: docs-site
    name: Documentation site
    tier: 3
    owners: [docs-team]
    paths: ["docs/**"]
`;
