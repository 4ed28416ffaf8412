/**
 * @module The demo organisation's history: about fifty changes over ten weeks, human and AI-written,
 * approved, deployed, refused, rejected, superseded, and one break-glass whose retro review is overdue.
 *
 * Deterministic (a seeded generator), so every fresh demo looks the same.
 */
import type { DemoChangeSpec } from './build-demo-change.js';
import { featuredScenarios } from './demo-featured-scenarios.js';
import { routineScenarios } from './demo-routine-scenarios.js';

export type DemoAction =
  | { kind: 'approve' | 'sign-off'; person: string; after: number; comment?: string }
  | { kind: 'reject'; person: string; after: number; reason: string }
  | { kind: 'self-approve'; person: string; after: number }
  | { kind: 'deploy'; after: number }
  | { kind: 'break-glass'; person: string; after: number; reason: string; incident: string };

export interface DemoScenario {
  key: string;
  /** Hours before "now" the change is recorded. */
  hoursAgo: number;
  spec: Omit<DemoChangeSpec, 'key' | 'at'>;
  docs: string[];
  /** Hours after the record that each action happens. */
  actions: DemoAction[];
  lineKey?: string;
}

export function demoScenarios(): DemoScenario[] {
  return [...routineScenarios(), ...featuredScenarios()];
}
