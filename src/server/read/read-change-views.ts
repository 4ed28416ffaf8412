/**
 * @module Recorded changes settled against their lines' decisions, in one query for all decisions.
 */
import type { Catalog } from '../../core/catalog/catalog-schema.js';
import type { Store, StoredChange } from '../../store/store.js';
import { assembleChangeView, type ChangeView } from '../views/assemble-change-view.js';
import { peopleOf } from './people-of.js';

export async function readChangeViews(store: Store, catalog: Catalog, changes: readonly StoredChange[]): Promise<ChangeView[]> {
  const decisions = await store.approvals.listForLines([...new Set(changes.map((change) => change.lineId))]);
  const people = peopleOf(catalog);
  return changes.map((change) => assembleChangeView(change, decisions.get(change.lineId) ?? [], people));
}
