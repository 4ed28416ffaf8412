import { describe, expect, it } from 'vitest';
import { freezeSchema, type Freeze } from '../catalog/freezes-schema.js';
import { evaluateFreezes, validateFreezes, type FreezeSystem } from './evaluate-freezes.js';

const freeze = (input: Record<string, unknown>): Freeze => freezeSchema.parse({ id: 'f', ...input });
const checkout: FreezeSystem = { id: 'checkout', org: 'retail', tier: 1 };
const wiki: FreezeSystem = { id: 'wiki', org: 'internal', tier: 3 };
const weekend = freeze({ id: 'weekend', weekly: { start: 'FRI 16:00', end: 'MON 08:00' }, timezone: 'Europe/Berlin' });

describe('evaluateFreezes: weekly windows in a time zone', () => {
  const cases: { name: string; now: string; active?: { from: string; until: string }; upcomingFrom?: string }[] = [
    // 2026-03-29 is the spring-forward Sunday in Europe: the window starts in CET (+1) and ends in CEST (+2).
    { name: 'one minute before the start (CET)', now: '2026-03-27T14:59:00Z', upcomingFrom: '2026-03-27T15:00:00.000Z' },
    { name: 'at the start', now: '2026-03-27T15:00:00Z', active: { from: '2026-03-27T15:00:00.000Z', until: '2026-03-30T06:00:00.000Z' } },
    { name: 'sunday after the dst switch', now: '2026-03-29T12:00:00Z', active: { from: '2026-03-27T15:00:00.000Z', until: '2026-03-30T06:00:00.000Z' } },
    { name: 'monday 07:59 summer time', now: '2026-03-30T05:59:00Z', active: { from: '2026-03-27T15:00:00.000Z', until: '2026-03-30T06:00:00.000Z' } },
    { name: 'monday 08:00 summer time (end is exclusive)', now: '2026-03-30T06:00:00Z', upcomingFrom: '2026-04-03T14:00:00.000Z' },
    // 2026-10-25 is the fall-back Sunday: starts in CEST (+2), ends in CET (+1).
    { name: 'fall-back weekend', now: '2026-10-24T00:00:00Z', active: { from: '2026-10-23T14:00:00.000Z', until: '2026-10-26T07:00:00.000Z' } },
    { name: 'wednesday: nothing active', now: '2026-10-28T12:00:00Z', upcomingFrom: '2026-10-30T15:00:00.000Z' },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = evaluateFreezes([weekend], [checkout], testCase.now);
      expect(result.errors).toEqual([]);
      if (testCase.active) {
        expect(result.active).toEqual([{ id: 'weekend', systems: ['checkout'], recurring: true, ...testCase.active }]);
      } else {
        expect(result.active).toEqual([]);
      }
      if (testCase.upcomingFrom) expect(result.upcoming[0]?.from).toBe(testCase.upcomingFrom);
    });
  }

  it('handles the US spring-forward night and a window that wraps over the end of the week', () => {
    const night = freeze({ weekly: { start: 'SUN 22:00', end: 'MON 02:00' }, timezone: 'America/New_York' });
    // 2026-03-08 is the US switch; Sunday 22:00 EDT is 02:00Z on Monday.
    const result = evaluateFreezes([night], [checkout], '2026-03-09T03:00:00Z');
    expect(result.active.map((w) => [w.from, w.until])).toEqual([['2026-03-09T02:00:00.000Z', '2026-03-09T06:00:00.000Z']]);
  });

  it('moves a start inside the spring-forward gap to after it', () => {
    const gap = freeze({ weekly: { start: 'SUN 02:30', end: 'SUN 05:00' }, timezone: 'Europe/Berlin' });
    const result = evaluateFreezes([gap], [checkout], '2026-03-29T01:45:00Z');
    // 02:30 does not exist that night; 03:30 CEST is 01:30Z.
    expect(result.active.map((w) => w.from)).toEqual(['2026-03-29T01:30:00.000Z']);
  });

  it('lists only windows starting within the horizon', () => {
    const farAway = freeze({ id: 'far', from: '2026-05-20T00:00:00Z', until: '2026-05-21T00:00:00Z' });
    const soon = freeze({ id: 'soon', from: '2026-05-16T00:00:00Z', until: '2026-05-17T00:00:00Z' });
    const result = evaluateFreezes([farAway, soon], [checkout], '2026-05-12T00:00:00Z');
    expect(result.upcoming.map((w) => w.id)).toEqual(['soon']);
    expect(evaluateFreezes([farAway], [checkout], '2026-05-12T00:00:00Z', { horizonDays: 14 }).upcoming.map((w) => w.id)).toEqual(['far']);
  });
});

describe('evaluateFreezes: one-off windows', () => {
  const cases: { name: string; input: Record<string, unknown>; now: string; active: boolean; until?: string }[] = [
    {
      name: 'date-only until is inclusive, in the zone',
      input: { from: '2026-11-26', until: '2026-11-30', timezone: 'America/New_York' },
      now: '2026-12-01T04:59:00Z',
      active: true,
      until: '2026-12-01T05:00:00.000Z',
    },
    { name: 'after the inclusive day', input: { from: '2026-11-26', until: '2026-11-30', timezone: 'America/New_York' }, now: '2026-12-01T05:00:00Z', active: false },
    { name: 'absolute times ignore the zone', input: { from: '2026-06-01T10:00:00+02:00', until: '2026-06-01T12:00:00Z', timezone: 'Asia/Tokyo' }, now: '2026-06-01T08:00:00Z', active: true },
    { name: 'local date-time in the zone', input: { from: '2026-06-01T10:00', until: '2026-06-01T11:00', timezone: 'Asia/Tokyo' }, now: '2026-06-01T01:30:00Z', active: true },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = evaluateFreezes([freeze(testCase.input)], [checkout], testCase.now);
      expect(result.errors).toEqual([]);
      expect(result.active.length > 0).toBe(testCase.active);
      if (testCase.until) expect(result.active[0]?.until).toBe(testCase.until);
    });
  }
});

describe('evaluateFreezes: scope', () => {
  const always = { from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' };
  const cases: { name: string; scope: Record<string, unknown>; systems: FreezeSystem[]; covered: string[] | undefined }[] = [
    { name: 'unscoped covers everything', scope: {}, systems: [checkout, wiki], covered: ['checkout', 'wiki'] },
    { name: 'by org', scope: { orgs: ['retail'] }, systems: [checkout, wiki], covered: ['checkout'] },
    { name: 'by tier', scope: { tiers: [3] }, systems: [checkout, wiki], covered: ['wiki'] },
    { name: 'org and tier must both match', scope: { orgs: ['retail'], tiers: [3] }, systems: [checkout, wiki], covered: undefined },
    { name: 'by system id', scope: { systems: ['wiki'] }, systems: [checkout], covered: undefined },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = evaluateFreezes([freeze({ ...always, scope: testCase.scope })], testCase.systems, '2026-06-01T00:00:00Z');
      expect(result.active[0]?.systems).toEqual(testCase.covered);
    });
  }
});

describe('validateFreezes', () => {
  const cases: { input: Record<string, unknown>; message: string }[] = [
    { input: { weekly: { start: 'Friday 4pm', end: 'MON 08:00' } }, message: 'freezes[0] (`f`): `weekly.start` `Friday 4pm` must look like `FRI 16:00`' },
    { input: { weekly: { start: 'FRI 16:00', end: 'MON 25:00' } }, message: 'freezes[0] (`f`): `weekly.end` `MON 25:00` must look like `MON 08:00`' },
    { input: { weekly: { start: 'FRI 16:00', end: 'fri 16:00' } }, message: 'freezes[0] (`f`): `weekly.start` and `weekly.end` are the same moment (`FRI 16:00`)' },
    { input: { weekly: { start: 'FRI 16:00', end: 'MON 08:00' }, timezone: 'Mars/Olympus' }, message: 'freezes[0] (`f`): `timezone` `Mars/Olympus` is not an iana time zone (e.g. `Europe/Berlin`)' },
    { input: {}, message: 'freezes[0] (`f`): needs `from` and `until` (one-off) or `weekly` (recurring)' },
    { input: { from: '2026-01-01', weekly: { start: 'FRI 16:00', end: 'MON 08:00' } }, message: 'freezes[0] (`f`): set either `from`/`until` or `weekly`, not both' },
    { input: { from: '2026-01-01' }, message: 'freezes[0] (`f`): one-off freezes need both `from` and `until` (missing `until`)' },
    { input: { from: '2026-02-30', until: '2026-03-02' }, message: 'freezes[0] (`f`): `from` `2026-02-30` is not an iso 8601 date or date-time' },
    { input: { from: '2026-03-02', until: '2026-03-01' }, message: 'freezes[0] (`f`): `until` `2026-03-01` is not after `from` `2026-03-02`' },
  ];
  for (const testCase of cases) {
    it(testCase.message, () => {
      expect(validateFreezes([freeze(testCase.input)])).toEqual([testCase.message]);
    });
  }

  it('treats a malformed freeze as in force for its scope (fail toward friction)', () => {
    const broken = freeze({ id: 'broken', weekly: { start: 'someday', end: 'MON 08:00' }, scope: { tiers: [1] } });
    const result = evaluateFreezes([broken], [checkout, wiki], '2026-06-01T00:00:00Z');
    expect(result.active).toMatchObject([{ id: 'broken', systems: ['checkout'], error: expect.stringContaining('weekly.start') }]);
    expect(result.errors).toHaveLength(1);
    expect(validateFreezes([weekend])).toEqual([]);
  });
});
