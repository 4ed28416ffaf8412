import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../identity/identity-store.js';
import { PERMISSIONS, whyDenied, type Permission } from './permissions.js';

const human = (role: Role) => ({ person: 'dave', role, ai: false });

describe('whyDenied', () => {
  it.each<[Role, Permission, boolean]>([
    ['approver', 'changes:decide', true],
    ['admin', 'changes:decide', true],
    ['engineer', 'changes:decide', false],
    ['auditor', 'changes:decide', false],
    ['ci', 'changes:decide', false],
    ['ci', 'changes:record', true],
    ['ci', 'deploys:verify', true],
    ['ci', 'break-glass', false],
    ['engineer', 'break-glass', true],
    ['auditor', 'audit:read', true],
    ['engineer', 'audit:read', false],
    ['auditor', 'changes:record', false],
    ['approver', 'tokens:manage', false],
    ['admin', 'tokens:manage', true],
  ])('%s may %s: %s', (role, permission, allowed) => {
    expect(whyDenied(human(role), permission) === undefined).toBe(allowed);
  });

  it('never lets an ai identity decide, break glass or manage tokens, even as admin', () => {
    for (const role of ROLES) {
      for (const permission of ['changes:decide', 'break-glass', 'tokens:manage'] as const) {
        expect(whyDenied({ person: 'claude', role, ai: true }, permission)).toMatch(/ai identity/);
      }
    }
    expect(whyDenied({ person: 'claude', role: 'ci', ai: true }, 'changes:record')).toBeUndefined();
  });

  it('gives ci no human-only permission in the table itself', () => {
    for (const permission of ['changes:decide', 'break-glass', 'tokens:manage'] as const) {
      expect(PERMISSIONS[permission] as readonly Role[]).not.toContain('ci');
    }
  });
});
