/**
 * @module The `freezes` section: windows in which deploys are refused for the systems they cover.
 */
import * as z from 'zod';

const scopeSchema = z.strictObject({
  orgs: z.array(z.string()).optional(),
  systems: z.array(z.string()).optional(),
  tiers: z.array(z.int().min(1).max(3)).optional(),
});

export const freezeSchema = z.strictObject({
  id: z.string().min(1),
  reason: z.string().optional(),
  /** One-off window: ISO 8601 date-times. */
  from: z.string().optional(),
  until: z.string().optional(),
  /** Recurring window, e.g. `{ start: "FRI 16:00", end: "MON 08:00" }` in `timezone`. */
  weekly: z.strictObject({ start: z.string(), end: z.string() }).optional(),
  timezone: z.string().default('UTC'),
  scope: scopeSchema.default({}),
});
export type Freeze = z.infer<typeof freezeSchema>;

export const freezesSchema = z.array(freezeSchema).describe('Change freezes: one-off or weekly windows per org, system or tier.');
