/**
 * @module Whether policy requires the agentic review of a change.
 */
import type { Catalog } from '../catalog/catalog-schema.js';
import type { TouchedSystem } from '../evaluation.js';
import type { Provenance } from '../provenance.js';

/**
 * Required once a provider is configured, for changes touching a tier in `review.required.tiers`
 * (default tier 1), or AI-authored changes touching a tier in `review.required.aiAuthoredTiers` (default tier 2).
 */
export function isReviewRequired(catalog: Catalog, systems: readonly TouchedSystem[], provenance: Provenance): boolean {
  const config = catalog.review;
  if (!config) return false;
  const tiers = new Set(systems.map((system) => system.tier));
  if (config.required.tiers.some((tier) => tiers.has(tier))) return true;
  return provenance.level === 'ai-authored' && config.required.aiAuthoredTiers.some((tier) => tiers.has(tier));
}
