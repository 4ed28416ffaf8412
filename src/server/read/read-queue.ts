/**
 * @module The queue of one principal: current open changes, settled, sorted by risk.
 */
import type { RequestPrincipal } from '../app-env.js';
import { whyDenied } from '../auth/permissions.js';
import type { ServerDeps } from '../server-deps.js';
import { assembleQueue, type QueueEntry } from '../views/assemble-queue.js';
import { peopleOf } from './people-of.js';
import { readChangeViews } from './read-change-views.js';
import { readRecordedChanges } from './read-recorded-changes.js';

export async function readQueue(deps: ServerDeps, principal: RequestPrincipal): Promise<{ mine: QueueEntry[]; others: QueueEntry[] }> {
  const changes = (await readRecordedChanges(deps.store)).filter((change) => change.supersededBy === undefined);
  const views = await readChangeViews(deps.store, deps.catalog, changes);
  const person = peopleOf(deps.catalog).byId(principal.person);
  const eligible = person !== undefined && !person.ai && whyDenied(principal, 'changes:decide') === undefined;
  return assembleQueue(views, principal.person, eligible, deps.now());
}
