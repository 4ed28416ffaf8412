/**
 * @module The demo organisation's people as commit identities, and the sections tier-1 changes document.
 */
import type { Person } from '../core/change.js';

/** Catalog people as commit authors (their catalog e-mail). */
const who = (id: string, name: string): Person => ({ name, email: `${id}@example.com` });
export const P = {
  carol: who('carol', 'Carol Reyes'),
  dave: who('dave', 'Dave Okafor'),
  erin: who('erin', 'Erin Park'),
  paul: who('paul', 'Paul Weiss'),
  priya: who('priya', 'Priya Natarajan'),
  sam: who('sam', 'Sam Ito'),
  lena: who('lena', 'Lena Fischer'),
  tom: who('tom', 'Tom Lind'),
};
/** The AI agents' commit identities, as their tools write them. */
export const CLAUDE: Person = { name: 'Claude', email: 'noreply@anthropic.com' };
export const COPILOT: Person = { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' };
/** The documentation sections a tier-1 change needs. */
export const TIER1_DOCS = ['summary', 'risk', 'rollback', 'testing'];

/** Two lines of a source file that a demo change adds. */
export const code = (file: string, index: number, text: string): string[] => [`// ${file} change ${index}`, `export const revision${index} = ${JSON.stringify(text)};`];
