import { buildAllowlist, type Allowlist, type AllowlistLayer } from '../core/allowlist';
import { loadBuiltInCatalog } from '../core/catalog';

/**
 * The allowlist in force. Today it is the built-in catalog; the admin policy, the signed
 * remote list and the user's own additions join as further layers through `setExtraLayers`
 * (later layers take a domain over from earlier ones).
 */
const catalogLayer: AllowlistLayer = { source: 'catalog', file: loadBuiltInCatalog() };
let current: Allowlist = buildAllowlist([catalogLayer]);

export function getAllowlist(): Allowlist {
  return current;
}

export function setExtraLayers(layers: readonly AllowlistLayer[]): void {
  current = buildAllowlist([catalogLayer, ...layers]);
}
